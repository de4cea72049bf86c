package io.greentrain.exporter.sensors;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted clock plus process and host CPU-time counters, so that shares are exact in tests:
 * {@link #run} advances time and says how much CPU this process and the whole host used meanwhile.
 */
public final class FakeHost {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong processCpu = new AtomicLong();
    private final AtomicLong hostBusy = new AtomicLong();
    private final AtomicLong hostTotal = new AtomicLong();
    private final AtomicLong rss = new AtomicLong(1L << 30);
    private final int cpus;

    public FakeHost(int cpus) {
        this.cpus = cpus;
    }

    public long nanoTime() {
        return nanos.get();
    }

    public long epochMillis() {
        return 1_700_000_000_000L + nanos.get() / 1_000_000L;
    }

    /** {@code millis} pass; this process uses {@code processCpus} CPUs' worth, the host {@code hostCpus} (>= processCpus). */
    public void run(long millis, double processCpus, double hostCpus) {
        long wall = millis * 1_000_000L;
        nanos.addAndGet(wall);
        processCpu.addAndGet((long) (wall * processCpus));
        hostBusy.addAndGet((long) (wall * hostCpus));
        hostTotal.addAndGet(wall * cpus);
    }

    public void setRss(long bytes) {
        rss.set(bytes);
    }

    public ProcessCpuShare cpuShare() {
        return new ProcessCpuShare(processCpu::get, busyAndTotal -> {
            busyAndTotal[0] = hostBusy.get();
            busyAndTotal[1] = hostTotal.get();
            return true;
        }, nanos::get);
    }

    /** A set of the given sensors with this host's shares; installed memory 16 GiB. */
    public SensorSet sensorSet(EnergySensor... sensors) {
        return new SensorSet(List.of(sensors), List.of(), cpuShare(), new ResidentMemoryShare(rss::get, 16L << 30));
    }

    public EnergySampler sampler(SensorSet set, java.time.Duration interval) {
        return new EnergySampler(set, interval, nanos::get, this::epochMillis);
    }
}
