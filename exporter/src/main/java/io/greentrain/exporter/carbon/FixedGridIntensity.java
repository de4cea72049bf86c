package io.greentrain.exporter.carbon;

import java.util.Objects;
import java.util.function.Consumer;

/** One intensity for the whole run: a table value or the configured {@code greentrain.carbon.intensity}. */
public final class FixedGridIntensity implements GridIntensity {

    private final String zone;
    private final IntensityReading reading;

    public FixedGridIntensity(String zone, IntensityReading reading) {
        if (zone == null || zone.isEmpty()) {
            throw new IllegalArgumentException("zone must not be empty: '" + zone + "'");
        }
        this.zone = zone;
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /** The table value of a zone, labelled {@code table:<dataset>}. */
    public static FixedGridIntensity of(GridZone zone) {
        return new FixedGridIntensity(zone.code(), new IntensityReading(zone.gramsPerKwh(), zone.tableSource()));
    }

    @Override
    public String zone() {
        return zone;
    }

    @Override
    public IntensityReading current() {
        return reading;
    }

    @Override
    public IntensityReading over(long fromMillis, long toMillis) {
        return reading;
    }

    @Override
    public void onChange(Consumer<IntensityReading> listener) {
        listener.accept(reading);
    }

    @Override
    public void close() {
    }
}
