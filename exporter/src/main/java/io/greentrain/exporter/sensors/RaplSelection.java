package io.greentrain.exporter.sensors;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of {@link RaplZoneDiscovery#select()}: the zones whose counters together give the CPU and
 * DRAM energy of the host without overlap, every zone left out and why, or the problem that makes RAPL
 * unusable with its fix.
 */
public final class RaplSelection {

    /** {@code problemReason} values (bounded: they become {@code greentrain_agent_errors_total} labels). */
    public static final String ABSENT = "absent";
    public static final String PERMISSION_DENIED = "permission_denied";
    public static final String UNREADABLE = "unreadable";

    private final List<Path> roots;
    private final List<RaplZone> cpuZones;
    private final List<RaplZone> dramZones;
    private final boolean dramInsideCpu;
    private final List<String> notes;
    private final String problemReason;
    private final String problem;
    private final String fix;

    RaplSelection(List<Path> roots, List<RaplZone> cpuZones, List<RaplZone> dramZones, boolean dramInsideCpu,
                  List<String> notes, String problemReason, String problem, String fix) {
        this.roots = List.copyOf(roots);
        this.cpuZones = List.copyOf(cpuZones);
        this.dramZones = List.copyOf(dramZones);
        this.dramInsideCpu = dramInsideCpu;
        this.notes = Collections.unmodifiableList(notes);
        this.problemReason = problemReason;
        this.problem = problem;
        this.fix = fix;
    }

    /** True when the CPU zones can be read and summed; false means "use the estimate". */
    public boolean usable() {
        return problemReason == null && !cpuZones.isEmpty();
    }

    public List<Path> roots() {
        return roots;
    }

    /** Package zones of every socket (mirrors and duplicates removed), or the single {@code psys} zone. */
    public List<RaplZone> cpuZones() {
        return cpuZones;
    }

    /** {@code dram} zones of the selected packages; empty when the platform has none. */
    public List<RaplZone> dramZones() {
        return dramZones;
    }

    /** True when the CPU figure comes from {@code psys}, which already covers memory: no separate DRAM figure then. */
    public boolean dramInsideCpu() {
        return dramInsideCpu;
    }

    /** One line per zone left out and why (overlap, MMIO duplicate, mirrored die counter). */
    public List<String> notes() {
        return notes;
    }

    /** {@link #ABSENT}, {@link #PERMISSION_DENIED}, {@link #UNREADABLE} or null. */
    public String problemReason() {
        return problemReason;
    }

    /** What is wrong, for people; null when usable. */
    public String problem() {
        return problem;
    }

    /** The exact commands or settings that make RAPL usable; empty when usable. */
    public String fix() {
        return fix == null ? "" : fix;
    }
}
