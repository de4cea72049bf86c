package io.greentrain.exporter.sensors;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * This process's share of the host's CPU energy: its CPU time (user + system, every thread, the native
 * BLAS/OpenMP threads that {@code ThreadMXBean} cannot see included) over the host's busy CPU time in
 * the same window. The same window gives the host CPU load that {@link CpuPowerEstimate} needs.
 *
 * <p>Process CPU time comes from {@code OperatingSystemMXBean.getProcessCpuTime()} (the kernel's
 * per-process accounting, all threads); host CPU time from {@link HostCpuTimes} ({@code /proc/stat}).
 * Both tick in 10 ms steps, so a window is closed, and the share recomputed, only once it holds at
 * least {@link #MIN_WINDOW_BUSY_NANOS} of host CPU time or {@link #MAX_WINDOW_NANOS} of wall time;
 * shorter intervals (call boundaries a few milliseconds apart) keep the share of the last closed
 * window instead of dividing tick noise (and do not read the host counters at all, see
 * {@link #refreshProcessCpu()}). Until the first window closes, the ratio over the open window is used. The share is clamped to [0, 1]: a process never gets more than the host measured.
 */
public final class ProcessCpuShare {

    /** 100 ms of host CPU time (10 ticks) before a window's ratio is trusted. */
    public static final long MIN_WINDOW_BUSY_NANOS = 100_000_000L;
    /** A window closes after 1 s of wall time even on an idle host. */
    public static final long MAX_WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier processCpuNanos;
    private final HostCpuTimes host;
    private final LongSupplier nanoClock;
    private final long[] hostReading = new long[2];

    private long anchorProcess;
    private long anchorBusy;
    private long anchorTotal;
    private long anchorNanos;
    private boolean hostReadable;
    private boolean closedOnce;
    private double share;
    private double load;
    private long lastProcessCpu;

    /**
     * @param processCpuNanos cumulative CPU time of this process in ns (negative when unsupported)
     * @param host            cumulative host CPU times
     * @param nanoClock       monotonic clock in ns
     */
    public ProcessCpuShare(LongSupplier processCpuNanos, HostCpuTimes host, LongSupplier nanoClock) {
        this.processCpuNanos = Objects.requireNonNull(processCpuNanos, "processCpuNanos");
        this.host = Objects.requireNonNull(host, "host");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        anchorNanos = nanoClock.getAsLong();
        anchorProcess = Math.max(0, processCpuNanos.getAsLong());
        lastProcessCpu = anchorProcess;
        hostReadable = host.read(hostReading);
        anchorBusy = hostReading[0];
        anchorTotal = hostReading[1];
    }

    /** This JVM: process CPU time from the OperatingSystemMXBean, host CPU time from /proc/stat (or OSHI elsewhere). */
    public static ProcessCpuShare forThisProcess(LongSupplier nanoClock) {
        HostCpuTimes host = ProcStatCpuTimes.available() ? new ProcStatCpuTimes(ProcStatCpuTimes.PROC_STAT) : new OshiCpuTimes();
        return new ProcessCpuShare(processCpuClock(), host, nanoClock);
    }

    /** Cumulative CPU time of this process, all threads, in ns; -1 when the JVM cannot tell. */
    public static LongSupplier processCpuClock() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) bean;
            return os::getProcessCpuTime;
        }
        return () -> -1L;
    }

    /** Reads both clocks; closes the window when it is long enough. Not thread-safe (the sampler's lock). */
    public void update() {
        long now = nanoClock.getAsLong();
        long process = processCpuNanos.getAsLong();
        if (process >= 0) {
            lastProcessCpu = Math.max(lastProcessCpu, process);
        }
        if (!host.read(hostReading)) {
            hostReadable = false;
            return;
        }
        if (!hostReadable) {
            // first good host reading (or back after a failure): start a fresh window
            hostReadable = true;
            anchor(now, hostReading[0], hostReading[1]);
            return;
        }
        long busy = hostReading[0] - anchorBusy;
        long total = hostReading[1] - anchorTotal;
        long processDelta = lastProcessCpu - anchorProcess;
        long wall = now - anchorNanos;
        boolean longEnough = busy >= MIN_WINDOW_BUSY_NANOS || wall >= MAX_WINDOW_NANOS;
        if (longEnough || !closedOnce) {
            share = busy > 0 ? clamp((double) processDelta / busy) : (processDelta > 0 ? 1.0 : 0.0);
            load = total > 0 ? clamp((double) busy / total) : load;
        }
        if (longEnough) {
            closedOnce = true;
            anchor(now, hostReading[0], hostReading[1]);
        }
    }

    private void anchor(long now, long busy, long total) {
        anchorNanos = now;
        anchorBusy = busy;
        anchorTotal = total;
        anchorProcess = lastProcessCpu;
    }

    /**
     * Reads only this process's CPU time (no host read): what call boundaries need once a window has
     * closed, since their intervals keep the last window's share anyway.
     */
    public void refreshProcessCpu() {
        long process = processCpuNanos.getAsLong();
        if (process >= 0) {
            lastProcessCpu = Math.max(lastProcessCpu, process);
        }
    }

    /** True once a full window gave a share; before that every sample should {@link #update()}. */
    public boolean hasClosedWindow() {
        return closedOnce;
    }

    /** Share in [0, 1] of the latest window; 0 before any host reading. */
    public double share() {
        return share;
    }

    /** Host CPU load in [0, 1] of the latest window. */
    public double hostLoad() {
        return load;
    }

    /** Cumulative process CPU time at the latest {@link #update()}, in ns (never decreasing). */
    public long processCpuNanos() {
        return lastProcessCpu;
    }

    /** The host CPU times this share divides by: a container's share ({@link CgroupRaplSensor}) reads the same ones. */
    public HostCpuTimes hostCpuTimes() {
        return host;
    }

    /** False when host CPU times cannot be read: the share stays at its last value. */
    public boolean hostReadable() {
        return hostReadable;
    }

    private static double clamp(double value) {
        return value < 0 ? 0 : Math.min(1, value);
    }
}
