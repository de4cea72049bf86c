package io.greentrain.exporter.carbon;

import java.util.function.Consumer;

/**
 * The grid intensity GreenTrain charges calls with: which zone, the value now, and the value integrated
 * over a span of wall-clock time. Implementations never throw from these methods.
 */
public interface GridIntensity extends AutoCloseable {

    /** Zone label for records and metrics: a {@link GridZone} code, {@code world}, or {@code custom}. */
    String zone();

    /** The intensity in force now. */
    IntensityReading current();

    /** Time-weighted intensity over {@code [fromMillis, toMillis]} (epoch millis). */
    IntensityReading over(long fromMillis, long toMillis);

    /** Calls {@code listener} with the current reading now and after every change (for the gauge). */
    void onChange(Consumer<IntensityReading> listener);

    /** Stops any refresh thread. */
    @Override
    void close();
}
