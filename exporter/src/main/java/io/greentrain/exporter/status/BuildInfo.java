package io.greentrain.exporter.status;

import java.io.InputStream;
import java.util.Properties;

/** The GreenTrain version, filtered into a resource at build time. */
public final class BuildInfo {

    private static final String VERSION = load();

    private BuildInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (Exception ignored) {
            // an unknown version is not worth failing for
        }
        return properties.getProperty("version", "unknown");
    }
}
