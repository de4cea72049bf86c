package io.greentrain.exporter.sensors;

/**
 * Cumulative CPU time of the whole host, all CPUs together: what every process and the kernel used
 * ("busy") and the total including idle. Counters, not rates: the caller takes differences.
 */
public interface HostCpuTimes {

    /**
     * Reads the counters now.
     *
     * @param busyAndTotalNanos receives {@code [busy, total]} in nanoseconds
     * @return false when they could not be read (the array is then unchanged)
     */
    boolean read(long[] busyAndTotalNanos);
}
