package io.greentrain.exporter.sensors;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToDoubleFunction;

/**
 * A sensor whose cumulative joules per channel are a function of the sampler's clock (e.g. constant
 * watts), for tests of the sampler and of attribution without hardware.
 */
public final class ScriptedSensor implements EnergySensor {

    private final List<EnergyChannel> channels;
    private final LongToDoubleFunction[] joulesAtNanos;
    private final AtomicLong reads = new AtomicLong();
    private long wrapPeriodNanos = Long.MAX_VALUE;

    public ScriptedSensor(List<EnergyChannel> channels, LongToDoubleFunction... joulesAtNanos) {
        if (channels.size() != joulesAtNanos.length) {
            throw new IllegalArgumentException(channels.size() + " channels but " + joulesAtNanos.length + " functions");
        }
        this.channels = channels;
        this.joulesAtNanos = joulesAtNanos;
    }

    /** cpu (rapl) and dram (rapl) at constant power from time 0 of the clock. */
    public static ScriptedSensor constantWatts(double cpuWatts, double dramWatts) {
        return new ScriptedSensor(List.of(EnergyChannel.cpu(EnergySource.RAPL, "scripted"), EnergyChannel.dram(EnergySource.RAPL, "scripted")),
                nanos -> cpuWatts * nanos / 1e9, nanos -> dramWatts * nanos / 1e9);
    }

    public ScriptedSensor withWrapPeriod(long nanos) {
        this.wrapPeriodNanos = nanos;
        return this;
    }

    public long reads() {
        return reads.get();
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        reads.incrementAndGet();
        for (int i = 0; i < channels.size(); i++) {
            frame.setHostJoules(firstChannel + i, joulesAtNanos[i].applyAsDouble(frame.nanoTime()));
            frame.setDeviceShare(firstChannel + i, 1, false);
        }
    }

    @Override
    public long maxReadPeriodNanos() {
        return wrapPeriodNanos;
    }
}
