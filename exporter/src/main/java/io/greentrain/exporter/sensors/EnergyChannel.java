package io.greentrain.exporter.sensors;

import java.util.Objects;

/**
 * One energy counter the sampler keeps: a component, the source of its numbers, the device (GPU index,
 * empty for host-wide components), a human description of what is summed (for {@code doctor}), and the
 * rule that gives this process its share of the host's joules.
 */
public final class EnergyChannel {

    /** How this process's share of a channel's host energy is decided (see {@link EnergySampler}). */
    public enum ShareRule {
        /** Process CPU time over host CPU time in the same interval ({@link ProcessCpuShare}). */
        CPU_TIME,
        /** Process resident memory over installed memory ({@link ResidentMemoryShare}). */
        RESIDENT_MEMORY,
        /** The sensor decides per interval (NVML per-process data, {@link GpuProcessShare}). */
        DEVICE
    }

    private final Component component;
    private final EnergySource source;
    private final String device;
    private final String detail;
    private final ShareRule shareRule;

    public EnergyChannel(Component component, EnergySource source, String device, String detail, ShareRule shareRule) {
        this.component = Objects.requireNonNull(component, "component");
        this.source = Objects.requireNonNull(source, "source");
        this.device = Objects.requireNonNull(device, "device");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.shareRule = Objects.requireNonNull(shareRule, "shareRule");
    }

    /** A host-wide CPU channel, shared by CPU time. */
    public static EnergyChannel cpu(EnergySource source, String detail) {
        return new EnergyChannel(Component.CPU, source, "", detail, ShareRule.CPU_TIME);
    }

    /** A host-wide DRAM channel, shared by resident memory. */
    public static EnergyChannel dram(EnergySource source, String detail) {
        return new EnergyChannel(Component.DRAM, source, "", detail, ShareRule.RESIDENT_MEMORY);
    }

    /** One GPU, shared by what its sensor knows about the processes on it. */
    public static EnergyChannel gpu(EnergySource source, String device, String detail) {
        if (device.isEmpty()) {
            throw new IllegalArgumentException("a GPU channel needs a device index, got ''");
        }
        return new EnergyChannel(Component.GPU, source, device, detail, ShareRule.DEVICE);
    }

    public Component component() {
        return component;
    }

    public EnergySource source() {
        return source;
    }

    /** GPU index as NVML numbers it; empty for host-wide components. */
    public String device() {
        return device;
    }

    public String detail() {
        return detail;
    }

    public ShareRule shareRule() {
        return shareRule;
    }

    @Override
    public String toString() {
        return component.label() + "/" + source.label() + (device.isEmpty() ? "" : "/" + device) + " (" + detail + ")";
    }
}
