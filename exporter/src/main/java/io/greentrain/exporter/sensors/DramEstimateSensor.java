package io.greentrain.exporter.sensors;

import java.util.List;

/**
 * Host DRAM energy where RAPL has no {@code dram} zone: a constant power of
 * {@code greentrain.estimate.dram.watts.per.gb} (default 0.375 W/GB, codecarbon's earlier 3 W per 8 GB)
 * times the installed memory (GB of 2^30 bytes, as DIMMs are sized), integrated over time. One {@code dram} channel labelled {@code estimate}.
 * Constant because DRAM power is mostly refresh and background power, which does not follow load.
 */
public final class DramEstimateSensor implements EnergySensor {

    private final double watts;
    private final List<EnergyChannel> channels;
    private double joules;

    /**
     * @param wattsPerGb     model constant, > 0
     * @param installedBytes installed memory of the host, > 0
     */
    public DramEstimateSensor(double wattsPerGb, long installedBytes) {
        if (!(wattsPerGb > 0) || Double.isInfinite(wattsPerGb)) {
            throw new IllegalArgumentException("DRAM watts per GB must be finite and > 0: " + wattsPerGb);
        }
        if (installedBytes <= 0) {
            throw new IllegalArgumentException("installed memory must be > 0 bytes: " + installedBytes);
        }
        double gigabytes = installedBytes / (double) (1L << 30);
        this.watts = wattsPerGb * gigabytes;
        this.channels = List.of(EnergyChannel.dram(EnergySource.ESTIMATE,
                CpuPowerEstimate.fmt(wattsPerGb) + " W/GB x " + oneDecimal(gigabytes) + " GB installed = " + oneDecimal(watts) + " W"));
    }

    /** Not String.format: its first use initialises the JDK's locale data, at agent start in every JVM that trains. */
    private static String oneDecimal(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public double watts() {
        return watts;
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        joules += watts * frame.elapsedSeconds();
        frame.setHostJoules(firstChannel, joules);
    }
}
