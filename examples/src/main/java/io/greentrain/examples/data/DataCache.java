package io.greentrain.examples.data;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where fetched data sets live. Precedence: an explicit directory, the system property
 * {@code greentrain.examples.cache}, the environment variable {@code GREENTRAIN_CACHE}, then
 * {@code $XDG_CACHE_HOME/greentrain} or {@code ~/.cache/greentrain}.
 */
public final class DataCache {

    public static final String PROPERTY = "greentrain.examples.cache";
    public static final String ENV = "GREENTRAIN_CACHE";

    private final Path root;

    public DataCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static DataCache resolve(Path explicit) {
        if (explicit != null) {
            return new DataCache(explicit);
        }
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new DataCache(Paths.get(prop));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new DataCache(Paths.get(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return new DataCache(base.resolve("greentrain"));
    }

    public Path root() {
        return root;
    }

    public Path dir(String name) {
        return root.resolve(name);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
