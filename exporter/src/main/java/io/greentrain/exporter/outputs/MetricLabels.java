package io.greentrain.exporter.outputs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps label values bounded, so a job that trains thousands of model classes cannot blow up Prometheus
 * (Kepler#1486): {@code library} is one of {@link #LIBRARIES} (anything else is {@code custom}); {@code model}
 * keeps the first {@code modelLimit} distinct values and reports every later one as {@value #OTHER};
 * {@code outcome} is one of {@link #OUTCOMES} (anything else is {@code error}). Thread-safe.
 */
public final class MetricLabels {

    public static final List<String> LIBRARIES = List.of("dl4j", "smile", "tribuo", "subset", "custom");
    public static final List<String> OUTCOMES = List.of("success", "error", "interrupted");
    public static final String OTHER = "other";

    private final int modelLimit;
    private final Set<String> models = ConcurrentHashMap.newKeySet();

    /** @throws IllegalArgumentException when {@code modelLimit < 1} */
    public MetricLabels(int modelLimit) {
        if (modelLimit < 1) {
            throw new IllegalArgumentException("model label limit must be >= 1: " + modelLimit);
        }
        this.modelLimit = modelLimit;
    }

    public String library(String library) {
        String l = library == null ? "" : library.trim().toLowerCase(Locale.ROOT);
        return LIBRARIES.contains(l) ? l : "custom";
    }

    public String outcome(String outcome) {
        String o = outcome == null ? "" : outcome.trim().toLowerCase(Locale.ROOT);
        return OUTCOMES.contains(o) ? o : "error";
    }

    public String model(String model) {
        String m = model == null || model.trim().isEmpty() ? "unknown" : model.trim();
        if (models.contains(m)) {
            return m;
        }
        synchronized (models) {
            if (models.contains(m)) {
                return m;
            }
            if (models.size() < modelLimit) {
                models.add(m);
                return m;
            }
        }
        return OTHER;
    }
}
