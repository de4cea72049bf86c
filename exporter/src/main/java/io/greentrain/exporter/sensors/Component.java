package io.greentrain.exporter.sensors;

/**
 * The hardware a joule figure belongs to. The {@link #label()} is the value of the {@code component}
 * label on every energy metric and in every call record.
 */
public enum Component {
    /** CPU packages (all sockets), or the RAPL {@code psys} platform zone where no package zone exists. */
    CPU("cpu"),
    /** Main memory (RAPL {@code dram} sub-zones, or the watts-per-GB model). */
    DRAM("dram"),
    /** NVIDIA GPUs visible to this process; one channel per device. */
    GPU("gpu");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
