package io.greentrain.exporter.sensors;

import java.util.Arrays;

/**
 * The mutable scratch space of one sample, handed to every {@link EnergySensor}: when it is, how long
 * since the previous sample, the host CPU load sensors that model power need, and the slots where
 * sensors write their cumulative joules and (for {@link EnergyChannel.ShareRule#DEVICE} channels) this
 * process's share. Owned by the {@link EnergySampler}; used under its lock only.
 */
public final class SampleFrame {

    private final double[] hostJoules;
    private final double[] deviceShare;
    private final boolean[] unsplit;
    private long nanoTime;
    private long elapsedNanos;
    private boolean tick;
    private double hostCpuLoad;

    SampleFrame(int channels) {
        hostJoules = new double[channels];
        deviceShare = new double[channels];
        unsplit = new boolean[channels];
    }

    /** A frame for a sensor tested alone (tests and benchmarks). */
    public static SampleFrame forChannels(int channels) {
        return new SampleFrame(channels);
    }

    /** Sets the time fields before the sensors read (the sampler, or a test driving a sensor alone). */
    public void begin(long nanoTime, long elapsedNanos, boolean tick, double hostCpuLoad) {
        this.nanoTime = nanoTime;
        this.elapsedNanos = Math.max(0, elapsedNanos);
        this.tick = tick;
        this.hostCpuLoad = hostCpuLoad;
    }

    /** {@link System#nanoTime()} (or the sampler's clock) at this sample. */
    public long nanoTime() {
        return nanoTime;
    }

    /** Time since the previous sample; 0 for the first. */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /**
     * True for the sampler's periodic reads, false for reads at call boundaries. Sensors refresh slow,
     * slowly changing data (per-process GPU lists) on ticks only, so boundary reads stay cheap.
     */
    public boolean isTick() {
        return tick;
    }

    /** Host CPU load in [0, 1] over the latest window of {@link ProcessCpuShare}. */
    public double hostCpuLoad() {
        return hostCpuLoad;
    }

    public void setHostJoules(int channel, double cumulativeJoules) {
        hostJoules[channel] = cumulativeJoules;
    }

    public double hostJoules(int channel) {
        return hostJoules[channel];
    }

    /**
     * This process's share of the channel's energy for the interval ending now.
     *
     * @param share   in [0, 1]
     * @param unsplit true when the share is a rule of thumb because the device could not be split
     */
    public void setDeviceShare(int channel, double share, boolean unsplit) {
        deviceShare[channel] = share;
        this.unsplit[channel] = unsplit;
    }

    public double deviceShare(int channel) {
        return deviceShare[channel];
    }

    public boolean unsplit(int channel) {
        return unsplit[channel];
    }

    double[] hostJoulesCopy() {
        return Arrays.copyOf(hostJoules, hostJoules.length);
    }
}
