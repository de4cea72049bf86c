package io.greentrain.agent.bootstrap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Properties;

/**
 * The two switches the dormant agent needs before anything else is loaded: {@code greentrain.enabled} and
 * {@code greentrain.eager}. Same sources and precedence as the core's configuration (system property, environment
 * {@code GREENTRAIN_X}, agent argument {@code x=v} with or without {@code greentrain.}, the file named by
 * {@code greentrain.config}), read with JDK types only. An invalid value is reported here, once, in the core's words (the
 * core leaves these two keys to this class), and the default is kept: the highest-precedence source decides, valid or not.
 */
final class DormantSwitches {

    static final String ENABLED = "greentrain.enabled";
    static final String EAGER = "greentrain.eager";
    private static final String CONFIG_FILE = "greentrain.config";

    private final String agentArguments;
    private Properties file;
    private String fileName = "";

    DormantSwitches(String agentArguments) {
        this.agentArguments = agentArguments == null ? "" : agentArguments;
    }

    boolean enabled() {
        return flag(ENABLED, true);
    }

    boolean eager() {
        return flag(EAGER, false);
    }

    private boolean flag(String key, boolean defaultValue) {
        String[] found = value(key);
        if (found == null) {
            return defaultValue;
        }
        String normalized = found[0].trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("true") || normalized.equals("yes") || normalized.equals("on")) {
            return true;
        }
        if (normalized.equals("false") || normalized.equals("no") || normalized.equals("off")) {
            return false;
        }
        System.err.println("greentrain: error: invalid " + key + "='" + found[0] + "' (" + found[1] + "): allowed is true or false;"
                + " using the default " + defaultValue);
        return defaultValue;
    }

    /** The value and the name of its source, or null when no source sets the key. */
    private String[] value(String key) {
        String environmentName = key.toUpperCase(Locale.ROOT).replace('.', '_');
        String value = System.getProperty(key);
        if (value != null) {
            return new String[] {value, "system property"};
        }
        value = System.getenv(environmentName);
        if (value != null) {
            return new String[] {value, "environment " + environmentName};
        }
        value = argument(key);
        if (value != null) {
            return new String[] {value.trim(), "agent argument"};
        }
        if (!CONFIG_FILE.equals(key)) {
            value = fileEntry(key);
            if (value != null) {
                return new String[] {value, "config file " + fileName};
            }
        }
        return null;
    }

    /** Agent arguments are pairs separated by ',' or ';' (split by hand: a regex would load a dozen classes in every JVM). */
    private String argument(String key) {
        int from = 0;
        while (from <= agentArguments.length()) {
            int end = from;
            while (end < agentArguments.length() && agentArguments.charAt(end) != ',' && agentArguments.charAt(end) != ';') {
                end++;
            }
            String pair = agentArguments.substring(from, end);
            from = end + 1;
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                if (name.equals(key) || ("greentrain." + name).equals(key)) {
                    return pair.substring(eq + 1);
                }
            }
        }
        return null;
    }

    private String fileEntry(String key) {
        if (file == null) {
            file = new Properties();
            String[] name = value(CONFIG_FILE);
            fileName = name == null ? "" : name[0].trim();
            if (!fileName.isEmpty()) {
                try (InputStream in = Files.newInputStream(Paths.get(fileName))) {
                    file.load(in);
                } catch (Exception unreadable) {
                    // the core reports an unreadable file once it starts; here the switches keep their defaults
                }
            }
        }
        return file.getProperty(key);
    }
}
