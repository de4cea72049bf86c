package io.greentrain.exporter.sensors;

/**
 * Turns successive readings of a wrapping hardware energy counter into non-negative deltas.
 *
 * <p>A reading below the previous one means the counter passed its maximum and restarted at 0
 * (RAPL {@code max_energy_range_uj}: about 262 kJ on Intel, 65 kJ on AMD, i.e. minutes at full
 * power), so the delta is {@code (max - previous) + current}. The caller must read more often than
 * one wrap period ({@link EnergySensor#maxReadPeriodNanos()}), since two wraps between reads look like
 * one. With an unknown range, a lower reading is taken as a counter reset and only {@code current}
 * counts (a lower bound, never a negative or invented figure).
 */
final class WrappingCounter {

    private final long maxRange;
    private long previous;

    WrappingCounter(long maxRange, long initialReading) {
        if (initialReading < 0) {
            throw new IllegalArgumentException("counter reading must be >= 0: " + initialReading);
        }
        this.maxRange = maxRange;
        this.previous = initialReading;
    }

    /** The increase since the previous reading (or the initial one), accounting for at most one wrap. */
    long advance(long reading) {
        if (reading < 0) {
            throw new IllegalArgumentException("counter reading must be >= 0: " + reading);
        }
        long delta;
        if (reading >= previous) {
            delta = reading - previous;
        } else if (maxRange > 0 && previous <= maxRange) {
            delta = (maxRange - previous) + reading;
        } else {
            delta = reading;
        }
        previous = reading;
        return delta;
    }

    long previous() {
        return previous;
    }
}
