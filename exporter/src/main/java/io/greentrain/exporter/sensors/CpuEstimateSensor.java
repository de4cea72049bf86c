package io.greentrain.exporter.sensors;

import java.util.List;
import java.util.Objects;

/**
 * Host CPU energy where RAPL is unreadable: {@link CpuPowerEstimate} at the sample's host CPU load,
 * integrated over the time between samples. One {@code cpu} channel labelled {@code estimate}.
 */
public final class CpuEstimateSensor implements EnergySensor {

    private final CpuPowerEstimate estimate;
    private final List<EnergyChannel> channels;
    private double joules;

    public CpuEstimateSensor(CpuPowerEstimate estimate) {
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.channels = List.of(EnergyChannel.cpu(EnergySource.ESTIMATE, "TDP x (0.1 + 0.9 x host CPU load), " + estimate.basis()));
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        joules += estimate.watts(frame.hostCpuLoad()) * frame.elapsedSeconds();
        frame.setHostJoules(firstChannel, joules);
    }
}
