package io.greentrain.exporter.records;

import io.greentrain.exporter.records.EstimateBand;
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

    /** Whether this figure is modelled and so carries a {@link #low()}..{@link #high()} band ({@link EstimateBand}). */
    public boolean estimated() {
        return EstimateBand.applies(source);
    }

    /** The lowest energy this figure may stand for: {@link #joules()} for a measurement. */
    public double low() {
        return joules * EstimateBand.low(component, source);
    }

    /** The highest energy this figure may stand for: {@link #joules()} for a measurement. */
    public double high() {
        return joules * EstimateBand.high(component, source);
    }

    @Override
    public String toString() {
        return component + "=" + joules + "J(" + source + ")";
    }
}
