package io.greentrain.exporter.records;

import java.util.Objects;

/**
 * Joules of one component ({@code cpu}, {@code dram}, {@code gpu}) and where the number came from
 * ({@code rapl}, {@code nvml}, {@code estimate}), so nobody mistakes a model for a measurement.
 */
public final class ComponentEnergy {

    private final String component;
    private final String source;
    private final double joules;

    public ComponentEnergy(String component, String source, double joules) {
        this.component = Objects.requireNonNull(component, "component");
        this.source = Objects.requireNonNull(source, "source");
        if (!(joules >= 0) || Double.isInfinite(joules)) {
            throw new IllegalArgumentException("joules must be finite and >= 0: " + joules);
        }
        this.joules = joules;
    }

    public String component() {
        return component;
    }

    public String source() {
        return source;
    }

    public double joules() {
        return joules;
    }

    @Override
    public String toString() {
        return component + "=" + joules + "J(" + source + ")";
    }
}
