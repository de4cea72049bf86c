package io.greentrain.exporter.sensors;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One powercap RAPL zone as the kernel shows it: a directory such as {@code intel-rapl:0} (a socket's
 * package), {@code intel-rapl:0:0} (a sub-zone such as {@code dram} or {@code core}) or
 * {@code intel-rapl-mmio:0} (the same package read through the MMIO interface), holding {@code name},
 * {@code energy_uj} and {@code max_energy_range_uj}.
 */
public final class RaplZone {

    private final String id;
    private final String controlType;
    private final String parentId;
    private final String name;
    private final Path directory;
    private final long maxEnergyRangeMicrojoules;

    RaplZone(String id, String controlType, String parentId, String name, Path directory, long maxEnergyRangeMicrojoules) {
        this.id = Objects.requireNonNull(id);
        this.controlType = Objects.requireNonNull(controlType);
        this.parentId = parentId;
        this.name = Objects.requireNonNull(name);
        this.directory = Objects.requireNonNull(directory);
        this.maxEnergyRangeMicrojoules = maxEnergyRangeMicrojoules;
    }

    /** Directory name, e.g. {@code intel-rapl:1:0}. Unique per zone: a zone shown flat and nested is one zone. */
    public String id() {
        return id;
    }

    /** {@code intel-rapl} (MSR interface) or {@code intel-rapl-mmio}. */
    public String controlType() {
        return controlType;
    }

    public boolean isMmio() {
        return controlType.endsWith("-mmio");
    }

    /** Id of the enclosing zone for sub-zones, null for top-level zones. */
    public String parentId() {
        return parentId;
    }

    public boolean isTopLevel() {
        return parentId == null;
    }

    /** The zone's {@code name} file: {@code package-0}, {@code package-0-die-1}, {@code dram}, {@code core}, {@code uncore}, {@code psys}. */
    public String name() {
        return name;
    }

    public boolean isPackage() {
        return isTopLevel() && name.startsWith("package");
    }

    public boolean isPsys() {
        return isTopLevel() && name.equals("psys");
    }

    public boolean isDram() {
        return name.equals("dram");
    }

    public Path energyFile() {
        return directory.resolve("energy_uj");
    }

    /** The counter's range; it wraps to 0 after this value. 0 or less when the kernel did not say. */
    public long maxEnergyRangeMicrojoules() {
        return maxEnergyRangeMicrojoules;
    }

    @Override
    public String toString() {
        return id + " (" + name + ")";
    }
}
