package io.greentrain.exporter.sensors;

/**
 * Where a joule figure came from, so nobody mistakes a model for a measurement. The {@link #label()}
 * is the value of the {@code source} label on every energy metric and in every call record.
 */
public enum EnergySource {
    /** Measured: Linux powercap RAPL energy counters ({@code energy_uj}). */
    RAPL("rapl"),
    /** Measured: NVIDIA NVML total-energy counter, or NVML power readings integrated over time. */
    NVML("nvml"),
    /**
     * Measured on the host, handed to this virtual machine: a powercap-style {@code energy_uj} counter that the
     * hypervisor writes for the VM (Scaphandre's {@code qemu} exporter) and mounts into the guest.
     */
    HYPERVISOR("hypervisor"),
    /**
     * Measured on the host, attributed to this container: the host's RAPL package energy (its powercap tree mounted into
     * the container) times the container's share of the host's busy CPU time (cgroup v2 {@code cpu.stat}).
     */
    RAPL_CGROUP("rapl-cgroup"),
    /** Modelled: TDP and CPU load for CPUs, watts per GB of installed memory for DRAM. */
    ESTIMATE("estimate");

    private final String label;

    EnergySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
