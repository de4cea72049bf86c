package io.greentrain.exporter.sensors;

import java.util.List;

/**
 * Every energy counter of this host and this process at one instant, read under one lock so that the
 * figures belong together. Counters are cumulative joules since the sampler started and never
 * decrease, so the energy of any period is the difference of two snapshots, and periods add up.
 * Immutable.
 *
 * <p>Per channel: {@link #hostJoules} (what the component drew) and {@link #processJoules} (this
 * process's share of it, see {@link EnergySampler}); for GPUs {@link #processUnsplitJoules} says how much
 * of the process figure is a rule of thumb because the device could not be split.
 */
public final class EnergySnapshot {

    private final List<EnergyChannel> channels;
    private final long sequence;
    private final long nanoTime;
    private final long epochMillis;
    private final double[] host;
    private final double[] process;
    private final double[] unsplit;
    private final long processCpuNanos;

    EnergySnapshot(List<EnergyChannel> channels, long sequence, long nanoTime, long epochMillis, double[] host,
                   double[] process, double[] unsplit, long processCpuNanos) {
        this.channels = channels;
        this.sequence = sequence;
        this.nanoTime = nanoTime;
        this.epochMillis = epochMillis;
        this.host = host;
        this.process = process;
        this.unsplit = unsplit;
        this.processCpuNanos = processCpuNanos;
    }

    public List<EnergyChannel> channels() {
        return channels;
    }

    /** Increases by one per sample: tells two snapshots apart even when the clock did not move. */
    public long sequence() {
        return sequence;
    }

    /** Monotonic time of the sample ({@link System#nanoTime()} unless the sampler was given another clock). */
    public long nanoTime() {
        return nanoTime;
    }

    /** Wall-clock time of the sample, ms since the epoch. */
    public long epochMillis() {
        return epochMillis;
    }

    public double hostJoules(int channel) {
        return host[channel];
    }

    public double processJoules(int channel) {
        return process[channel];
    }

    public double processUnsplitJoules(int channel) {
        return unsplit[channel];
    }

    /** Sum over the channels of one component (all GPUs together). */
    public double hostJoules(Component component) {
        return sum(host, component);
    }

    public double processJoules(Component component) {
        return sum(process, component);
    }

    /** Cumulative CPU time of this process (all threads) at the sample, in ns. */
    public long processCpuNanos() {
        return processCpuNanos;
    }

    private double sum(double[] values, Component component) {
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            if (channels.get(i).component() == component) {
                total += values[i];
            }
        }
        return total;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EnergySnapshot#").append(sequence);
        for (int i = 0; i < channels.size(); i++) {
            EnergyChannel channel = channels.get(i);
            text.append(' ').append(channel.component().label()).append('/').append(channel.source().label());
            if (!channel.device().isEmpty()) {
                text.append('/').append(channel.device());
            }
            text.append(String.format(java.util.Locale.ROOT, " host=%.3fJ process=%.3fJ", host[i], process[i]));
        }
        return text.toString();
    }
}
