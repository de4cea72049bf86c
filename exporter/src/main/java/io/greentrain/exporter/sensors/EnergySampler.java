package io.greentrain.exporter.sensors;

import io.greentrain.exporter.threads.DaemonThreads;
import io.greentrain.exporter.status.AgentLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads every energy counter of a {@link SensorSet}: periodically on one daemon thread
 * ({@code greentrain-sampler}), and on demand through {@link #sampleNow()} for readings at training-call
 * boundaries. Both go through one lock, so every {@link EnergySnapshot} is a consistent reading of all
 * counters at one instant, and snapshots are totally ordered.
 *
 * <p>Period: {@code greentrain.sample.interval} (100 ms to 60 s), shortened when a sensor's counter could
 * wrap twice in that time ({@link EnergySensor#maxReadPeriodNanos()}).
 *
 * <p>Process energy: every sample (periodic or on demand) adds, per channel, the host energy since the
 * previous sample times this process's share for that interval:
 * <ul>
 *   <li>{@code cpu}: {@link ProcessCpuShare} (process CPU time / host busy CPU time);</li>
 *   <li>{@code dram}: {@link ResidentMemoryShare} (resident memory / installed memory);</li>
 *   <li>{@code gpu}: {@link GpuProcessShare} as decided by the {@link NvmlSensor}.</li>
 * </ul>
 * Shares are in [0, 1], so the process figure never exceeds the host figure, and being integrated
 * interval by interval it follows shares that change over time. Periodic samples refresh the shares'
 * inputs (host CPU time, RSS, GPU process lists); on-demand samples read the energy counters and this
 * process's CPU time only, to stay cheap on the training thread, and use the shares of the last tick.
 */
public final class EnergySampler implements AutoCloseable {

    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    private static final long MIN_TICK_NANOS = 1_000_000L;

    private final Object lock = new Object();
    private final SensorSet sensors;
    private final List<EnergyChannel> channels;
    private final int[] firstChannel;
    private final SampleFrame frame;
    private final LongSupplier nanoClock;
    private final LongSupplier millisClock;
    private final double[] lastHost;
    private final double[] process;
    private final double[] unsplit;
    private final double[] baseline;
    private final long tickNanos;
    private long lastNanos;
    private long sequence;
    private boolean closed;
    private volatile EnergySnapshot latest;
    private ScheduledExecutorService ticker;

    /**
     * A sampler that reads only when asked ({@link #sampleNow()}, {@link #tick()}); {@link #startTicking()}
     * adds the periodic thread. Takes the first sample now.
     *
     * @param interval    between periodic samples, {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}
     * @param nanoClock   monotonic clock ({@code System::nanoTime}); the same one the set's {@link ProcessCpuShare} uses
     * @param millisClock wall clock ({@code System::currentTimeMillis})
     */
    public EnergySampler(SensorSet sensors, Duration interval, LongSupplier nanoClock, LongSupplier millisClock) {
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("sample interval must be between " + MIN_INTERVAL.toMillis() + " ms and "
                    + MAX_INTERVAL.getSeconds() + " s: " + interval.toMillis() + " ms");
        }
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.millisClock = Objects.requireNonNull(millisClock, "millisClock");
        List<EnergyChannel> all = new ArrayList<>();
        firstChannel = new int[sensors.sensors().size()];
        long tick = interval.toNanos();
        for (int s = 0; s < sensors.sensors().size(); s++) {
            EnergySensor sensor = sensors.sensors().get(s);
            firstChannel[s] = all.size();
            all.addAll(sensor.channels());
            tick = Math.min(tick, Math.max(MIN_TICK_NANOS, sensor.maxReadPeriodNanos()));
        }
        this.tickNanos = tick;
        this.channels = Collections.unmodifiableList(all);
        this.frame = new SampleFrame(all.size());
        this.lastHost = new double[all.size()];
        this.process = new double[all.size()];
        this.unsplit = new double[all.size()];
        this.lastNanos = nanoClock.getAsLong();
        this.baseline = new double[all.size()];
        sample(true);
    }

    /** A sampler on the real clocks with its periodic thread running. */
    public static EnergySampler start(SensorSet sensors, Duration interval) {
        EnergySampler sampler = new EnergySampler(sensors, interval, System::nanoTime, System::currentTimeMillis);
        sampler.startTicking();
        return sampler;
    }

    /** Starts the periodic daemon thread {@code greentrain-sampler}; idempotent. */
    public void startTicking() {
        synchronized (lock) {
            if (ticker != null || closed) {
                return;
            }
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("greentrain-sampler"));
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor.scheduleWithFixedDelay(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
            ticker = executor;
        }
    }

    /**
     * A fresh, consistent reading of every counter now (not the last periodic one): for call boundaries.
     * Reads the energy counters and this process's CPU time; the shares come from the last tick.
     * Never throws; after {@link #close()} returns the last snapshot.
     */
    public EnergySnapshot sampleNow() {
        return sample(false);
    }

    /** A periodic sample: like {@link #sampleNow()} and also refreshes RSS and GPU process shares. */
    public EnergySnapshot tick() {
        return sample(true);
    }

    /** The sampler's monotonic clock: time between snapshots, with nothing read. */
    public long nanoTime() {
        return nanoClock.getAsLong();
    }

    /** The sampler's wall clock. */
    public long epochMillis() {
        return millisClock.getAsLong();
    }

    /** The most recent snapshot, without reading anything. */
    public EnergySnapshot latest() {
        return latest;
    }

    public List<EnergyChannel> channels() {
        return channels;
    }

    public SensorSet sensors() {
        return sensors;
    }

    /** The period actually used: the configured interval, or shorter to stay ahead of counter wraps. */
    public Duration tickInterval() {
        return Duration.ofNanos(tickNanos);
    }

    private EnergySnapshot sample(boolean tick) {
        synchronized (lock) {
            if (closed) {
                return latest;
            }
            try {
                return read(tick);
            } catch (Throwable e) {
                AgentLog.problem("sampler", "sample_failed", "energy sample failed (" + e.getClass().getSimpleName()
                        + "); the counters keep their last values");
                return latest;
            }
        }
    }

    private EnergySnapshot read(boolean tick) {
        long now = nanoClock.getAsLong();
        ProcessCpuShare cpuShare = sensors.cpuShare();
        if (tick || !cpuShare.hasClosedWindow()) {
            cpuShare.update();
        } else {
            cpuShare.refreshProcessCpu();
        }
        if (tick) {
            sensors.memoryShare().update();
        }
        frame.begin(now, now - lastNanos, tick, cpuShare.hostLoad());
        for (int s = 0; s < firstChannel.length; s++) {
            EnergySensor sensor = sensors.sensors().get(s);
            try {
                sensor.read(frame, firstChannel[s]);
            } catch (Throwable e) {
                // the sensor contract says read never throws; a bug there must not stop the other sensors
                AgentLog.problem("sampler", "sensor_failed", sensor.getClass().getSimpleName() + " failed ("
                        + e.getClass().getSimpleName() + "); its counters keep their last values");
            }
        }
        double cpu = cpuShare.share();
        double memory = sensors.memoryShare().share();
        for (int i = 0; i < channels.size(); i++) {
            double reading = frame.hostJoules(i);
            double delta = reading - lastHost[i];
            if (!(delta > 0)) {
                delta = 0; // NaN or a decrease: counters never go back
            } else {
                lastHost[i] = reading;
            }
            EnergyChannel channel = channels.get(i);
            double share;
            switch (channel.shareRule()) {
                case CPU_TIME:
                    share = cpu;
                    break;
                case RESIDENT_MEMORY:
                    share = memory;
                    break;
                default:
                    share = Math.max(0, Math.min(1, frame.deviceShare(i)));
                    if (frame.unsplit(i)) {
                        unsplit[i] += delta * share;
                    }
                    break;
            }
            process[i] += delta * share;
        }
        if (sequence == 0) {
            // the first sample's deltas are the sensors' warm-up: every counter starts at 0 with the sampler
            System.arraycopy(lastHost, 0, baseline, 0, lastHost.length);
            java.util.Arrays.fill(process, 0);
            java.util.Arrays.fill(unsplit, 0);
        }
        double[] host = new double[channels.size()];
        for (int i = 0; i < host.length; i++) {
            host[i] = lastHost[i] - baseline[i];
        }
        lastNanos = now;
        EnergySnapshot snapshot = new EnergySnapshot(channels, sequence++, now, millisClock.getAsLong(), host,
                process.clone(), unsplit.clone(), cpuShare.processCpuNanos());
        latest = snapshot;
        return snapshot;
    }

    /** Stops the periodic thread and closes the sensors; later samples return the last snapshot. */
    @Override
    public void close() {
        ScheduledExecutorService executor;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            executor = ticker;
            sensors.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
