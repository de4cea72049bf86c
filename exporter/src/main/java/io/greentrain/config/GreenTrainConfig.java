package io.greentrain.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The resolved configuration. Precedence, highest first: system property {@code greentrain.x.y},
 * environment {@code GREENTRAIN_X_Y}, agent arguments ({@code -javaagent:greentrain-agent.jar=x.y=v,...}),
 * the properties file named by {@code greentrain.config}, the default.
 *
 * <p>An invalid value never stops the job: {@link #resolve} reports one problem line naming the key,
 * the (non-secret) value and what is allowed, and that key falls back to its default.
 */
public final class GreenTrainConfig {

    private final Map<Option<?>, Object> values;
    private final Map<Option<?>, String> origins;

    private GreenTrainConfig(Map<Option<?>, Object> values, Map<Option<?>, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /** Defaults only: what a library user gets without any configuration. */
    public static GreenTrainConfig defaults() {
        return resolve(Collections.emptyMap(), Collections.emptyMap(), "", problem -> { });
    }

    /** Resolves from this JVM's system properties and environment plus the given agent arguments. */
    public static GreenTrainConfig fromEnvironment(String agentArguments, Consumer<String> problems) {
        Map<String, String> props = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("greentrain.")) {
                props.put(name, System.getProperty(name));
            }
        }
        return resolve(props, System.getenv(), agentArguments, problems);
    }

    /**
     * @param systemProperties {@code greentrain.*} properties
     * @param environment      the process environment
     * @param agentArguments   {@code key=value} pairs separated by {@code ,} or {@code ;}; keys may omit {@code greentrain.}
     * @param problems         receives one line per problem (invalid value, unknown key, unreadable file)
     */
    public static GreenTrainConfig resolve(Map<String, String> systemProperties, Map<String, String> environment,
                                           String agentArguments, Consumer<String> problems) {
        Map<String, String> args = parseAgentArguments(agentArguments, problems);
        reportUnknownKeys(systemProperties, "system property", problems);
        reportUnknownKeys(args, "agent argument", problems);

        // The config file location itself follows the same precedence (without the file).
        String fileName = firstNonNull(systemProperties.get(Options.CONFIG_FILE.key()),
                environment.get(Options.CONFIG_FILE.environmentName()), args.get(Options.CONFIG_FILE.key()));
        Map<String, String> file = fileName == null || fileName.trim().isEmpty()
                ? Collections.emptyMap() : readFile(fileName.trim(), problems);
        reportUnknownKeys(file, "config file entry", problems);

        Map<Option<?>, Object> values = new LinkedHashMap<>();
        Map<Option<?>, String> origins = new LinkedHashMap<>();
        for (Option<?> option : Options.all()) {
            String[][] sources = {
                {"system property", systemProperties.get(option.key())},
                {"environment " + option.environmentName(), environment.get(option.environmentName())},
                {"agent argument", args.get(option.key())},
                {"config file " + fileName, file.get(option.key())},
            };
            Object value = option.defaultValue();
            String origin = "default";
            for (String[] source : sources) {
                if (source[1] == null) {
                    continue;
                }
                try {
                    value = option.type().parse(source[1]);
                    origin = source[0];
                } catch (IllegalArgumentException e) {
                    String shown = option.isSecret() ? "<secret>" : "'" + source[1] + "'";
                    problems.accept("invalid " + option.key() + "=" + shown + " (" + source[0] + "): allowed is "
                            + option.type().allowed() + "; using the default " + describeDefault(option));
                }
                break; // the highest-precedence source decides, valid or not
            }
            values.put(option, value);
            origins.put(option, origin);
        }
        return new GreenTrainConfig(values, origins);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /** Where the value of the option came from ("default", "system property", ...). */
    public String origin(Option<?> option) {
        return origins.get(option);
    }

    /** A copy with one value replaced; for tests and for library users who configure in code. */
    public <T> GreenTrainConfig with(Option<T> option, T value) {
        Map<Option<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(option, value);
        Map<Option<?>, String> copiedOrigins = new LinkedHashMap<>(origins);
        copiedOrigins.put(option, "code");
        return new GreenTrainConfig(copy, copiedOrigins);
    }

    private static String describeDefault(Option<?> option) {
        String text = option.defaultText();
        return text.isEmpty() ? "(unset)" : text;
    }

    static Map<String, String> parseAgentArguments(String arguments, Consumer<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (arguments == null || arguments.trim().isEmpty()) {
            return result;
        }
        String[] pairs = arguments.split("[,;]");
        for (int index = 0; index < pairs.length; index++) {
            String pair = pairs[index];
            if (pair.trim().isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                // never echo the fragment: it may be the rest of a secret that contained ',' or ';'
                problems.accept("invalid agent argument #" + (index + 1) + " (" + pair.trim().length() + " characters without '='):"
                        + " allowed is key=value pairs separated by ','; a value containing ',' or ';' must be given as a"
                        + " system property, environment variable or config file entry instead");
                continue;
            }
            String key = pair.substring(0, eq).trim();
            if (!key.startsWith("greentrain.")) {
                key = "greentrain." + key;
            }
            result.put(key, pair.substring(eq + 1).trim());
        }
        return result;
    }

    private static Map<String, String> readFile(String fileName, Consumer<String> problems) {
        Path path = Paths.get(fileName);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            problems.accept("cannot read config file " + Options.CONFIG_FILE.key() + "='" + fileName + "': " + e
                    + "; using the other sources and defaults");
            return Collections.emptyMap();
        }
        Map<String, String> result = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name));
        }
        return result;
    }

    private static void reportUnknownKeys(Map<String, String> entries, String kind, Consumer<String> problems) {
        for (String key : entries.keySet()) {
            if (key.startsWith("greentrain.") && Options.byKey(key).isEmpty() && !INTERNAL_KEYS.contains(key)) {
                problems.accept("unknown " + kind + " '" + key + "'" + suggestion(key) + "; ignored");
            }
        }
    }

    /** Keys GreenTrain sets for itself (not user options). */
    private static final List<String> INTERNAL_KEYS = Collections.singletonList("greentrain.agent.jar");

    private static String suggestion(String key) {
        List<String> close = new ArrayList<>();
        int best = 4; // farther than 3 edits is not a typo worth suggesting
        for (Option<?> option : Options.all()) {
            int distance = EditDistance.between(option.key(), key);
            if (distance < best) {
                best = distance;
                close.clear();
            }
            if (distance == best) {
                close.add(option.key());
            }
        }
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
