package io.greentrain.exporter.sensors;

import java.util.List;

/**
 * A source of host energy counters: RAPL zones, NVML devices or a power model. The
 * {@link EnergySampler} calls {@link #read} under its lock, so implementations need no locking of
 * their own, and never concurrently.
 *
 * <p>Contract: {@link #read} writes, for each of its channels, the cumulative host joules since the
 * sensor was opened. The value never decreases (counter wraps and resets are the sensor's problem) and
 * {@code read} never throws: a failing read keeps the previous value and reports itself through
 * {@link io.greentrain.exporter.status.AgentLog#problem}.
 */
public interface EnergySensor extends AutoCloseable {

    /** The channels this sensor feeds, in the order {@link #read} writes them. Fixed after opening. */
    List<EnergyChannel> channels();

    /**
     * Reads every counter now.
     *
     * @param frame        the sample being built
     * @param firstChannel index in the frame of this sensor's first channel
     */
    void read(SampleFrame frame, int firstChannel);

    /**
     * The longest time between two reads that cannot miss a counter wrap at any plausible power, in
     * nanoseconds; the sampler ticks at least this often. {@link Long#MAX_VALUE} when nothing wraps.
     */
    default long maxReadPeriodNanos() {
        return Long.MAX_VALUE;
    }

    /** Releases native resources (NVML). Never throws. */
    @Override
    default void close() {
    }
}
