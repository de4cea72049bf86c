package io.greentrain.exporter.sensors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where this process's cgroup v2 is, whether it is a container's, and the container's id: what decides whether the
 * host's RAPL energy is attributed to the container ({@link CgroupRaplSensor}). Found once, never throws.
 *
 * <p>cgroup v2 means a {@code 0::<path>} line in {@code /proc/self/cgroup} and a {@code cgroup.controllers} file at the
 * mount ({@code greentrain.cgroup.root}, {@code /sys/fs/cgroup} by default). The process's cgroup directory is the mount
 * plus that path; with a private cgroup namespace the path is {@code /} and the mount is the container's own cgroup.
 * When the path is not under the mount (a host namespace shown with a container's mount), the mount's own
 * {@code cpu.stat} is used, and a note says so.
 *
 * <p>A container is recognised by its id ({@link ContainerId}) or by the path {@code /}: outside a container a process
 * sits in a systemd slice, not in the root cgroup. Only then is the energy attributed: on a bare host the RAPL figure
 * already is the machine's, and a login session's cgroup is not what anybody wants it split by.
 */
public final class ContainerCgroup {

    /** Problem reasons (bounded metric label values). */
    public static final String NOT_V2 = "not_cgroup_v2";
    public static final String NOT_A_CONTAINER = "not_a_container";
    public static final String NO_CPU_STAT = "no_cpu_stat";

    private final Path mount;
    private final String path;
    private final Path cpuStat;
    private final String containerId;
    private final String problem;
    private final String problemReason;
    private final List<String> notes;

    private ContainerCgroup(Path mount, String path, Path cpuStat, String containerId, String problemReason, String problem,
                            List<String> notes) {
        this.mount = mount;
        this.path = path;
        this.cpuStat = cpuStat;
        this.containerId = containerId;
        this.problemReason = problemReason;
        this.problem = problem;
        this.notes = List.copyOf(notes);
    }

    /** This process, with the cgroup v2 mount at {@code mount}; null mount: attribution disabled. */
    public static ContainerCgroup ofThisProcess(Path mount) {
        return detect(mount, Path.of("/proc/self/cgroup"), Path.of("/proc/self/mountinfo"));
    }

    /** Detection on any files: tests point these at fixture trees. */
    public static ContainerCgroup detect(Path mount, Path procSelfCgroup, Path mountinfo) {
        List<String> cgroupLines = ContainerId.lines(procSelfCgroup);
        String id = ContainerId.find(cgroupLines, ContainerId.lines(mountinfo));
        if (mount == null) {
            return new ContainerCgroup(null, "", null, id, NOT_V2, "container attribution disabled (greentrain.cgroup.root is empty)",
                    List.of());
        }
        String path = null;
        for (String line : cgroupLines) {
            if (line.startsWith("0::")) {
                path = line.substring(3).trim();
            }
        }
        if (path == null || !Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
            String why = path == null ? "no 0:: line in " + procSelfCgroup : "no cgroup.controllers under " + mount;
            return new ContainerCgroup(mount, path == null ? "" : path, null, id, NOT_V2, "not cgroup v2 (" + why + ")", List.of());
        }
        if (id.isEmpty() && !"/".equals(path)) {
            return new ContainerCgroup(mount, path, null, id, NOT_A_CONTAINER, "cgroup " + path + " is not a container's (no container"
                    + " id, not a cgroup namespace root): RAPL is the host's own", List.of());
        }
        Path own = mount.resolve(path.startsWith("/") ? path.substring(1) : path);
        if (Files.isRegularFile(own.resolve("cpu.stat"))) {
            return new ContainerCgroup(mount, path, own.resolve("cpu.stat"), id, null, null, List.of());
        }
        if (Files.isRegularFile(mount.resolve("cpu.stat"))) {
            return new ContainerCgroup(mount, path, mount.resolve("cpu.stat"), id, null, null,
                    List.of("cgroup " + path + " is not under " + mount + ": its mount point is taken as the container's cgroup"));
        }
        return new ContainerCgroup(mount, path, null, id, NO_CPU_STAT, "no cpu.stat in " + own + " or " + mount, List.of());
    }

    /** True when the host's energy can be attributed by {@link #cpuStat()}. */
    public boolean usable() {
        return cpuStat != null;
    }

    /** The cgroup v2 mount, null when disabled. */
    public Path mount() {
        return mount;
    }

    /** This process's cgroup as {@code /proc/self/cgroup} names it, "" when unknown. */
    public String path() {
        return path;
    }

    /** The container's {@code cpu.stat}; null when not {@link #usable()}. */
    public Path cpuStat() {
        return cpuStat;
    }

    /** The short container id, "" when none was found (the id is looked for even when the cgroup is not usable). */
    public String containerId() {
        return containerId;
    }

    /** Why the energy is not attributed to a container; null when it is. */
    public String problem() {
        return problem;
    }

    /** {@link #NOT_V2}, {@link #NOT_A_CONTAINER}, {@link #NO_CPU_STAT}; null when usable. */
    public String problemReason() {
        return problemReason;
    }

    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return usable() ? "cgroup v2 at " + mount + ", cgroup " + path + (containerId.isEmpty() ? "" : ", container " + containerId)
                : Objects.toString(problem);
    }
}
