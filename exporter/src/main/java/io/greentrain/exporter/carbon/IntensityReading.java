package io.greentrain.exporter.carbon;

import java.util.Objects;

/**
 * A grid carbon intensity in gCO2e/kWh and where it came from: {@code table:<dataset>},
 * {@code electricitymaps}, {@code ukgrid}, {@code config}, {@code fallback:table:<dataset>} (a live provider
 * failed), or several of these joined by {@code +} when a call spans more than one.
 */
public final class IntensityReading {

    private final double gramsPerKwh;
    private final String source;

    /** @throws IllegalArgumentException for a negative, NaN or infinite intensity or an empty source */
    public IntensityReading(double gramsPerKwh, String source) {
        if (!(gramsPerKwh >= 0) || Double.isInfinite(gramsPerKwh)) {
            throw new IllegalArgumentException("grid intensity must be finite and >= 0 g/kWh: " + gramsPerKwh);
        }
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("intensity source must not be empty: '" + source + "'");
        }
        this.gramsPerKwh = gramsPerKwh;
        this.source = source;
    }

    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IntensityReading)) {
            return false;
        }
        IntensityReading other = (IntensityReading) o;
        return Double.compare(gramsPerKwh, other.gramsPerKwh) == 0 && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gramsPerKwh, source);
    }

    @Override
    public String toString() {
        return gramsPerKwh + " g/kWh (" + source + ")";
    }
}
