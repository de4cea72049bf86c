package io.greentrain.exporter.sensors;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides, once, which sensor measures each component on this host (the fallback ladder):
 * <ul>
 *   <li>cpu: RAPL packages (or psys) when readable, attributed to this container by its cgroup v2 {@code cpu.stat}
 *       share ({@link CgroupRaplSensor}, source {@code rapl-cgroup}) when {@link ContainerCgroup} finds one, else the hypervisor's per-VM counter ({@link HypervisorSensor},
 *       memory included) when mounted, else {@link CpuEstimateSensor};</li>
 *   <li>dram: RAPL {@code dram} zones when the CPU is read from packages that have them; nothing separate
 *       when the CPU figure is {@code psys} (it contains memory); else {@link DramEstimateSensor}
 *       (unless {@code greentrain.estimate.dram.watts.per.gb} is 0);</li>
 *   <li>gpu: {@link NvmlSensor} when {@code greentrain.gpu.enabled} and NVML works; otherwise no GPU
 *       metrics at all (never an estimate: a GPU nobody can see is not assumed).</li>
 * </ul>
 */
public final class SensorDetection {

    private SensorDetection() {
    }

    /** Detects on the real host. {@code environment} supplies {@code CUDA_VISIBLE_DEVICES}. */
    public static SensorSet detect(GreenTrainConfig config, Map<String, String> environment) {
        return detect(config, environment, SysfsReader.DIRECT, System::nanoTime, CpuModel.detect(), CpuId.detect());
    }

    /**
     * Detection with the seams tests need.
     *
     * @param reader    reads sysfs files (tests inject one that denies access)
     * @param nanoClock the clock the sampler will use
     * @param cpu       the CPU model the estimate is based on
     */
    public static SensorSet detect(GreenTrainConfig config, Map<String, String> environment, SysfsReader reader,
                                   LongSupplier nanoClock, CpuModel cpu) {
        return detect(config, environment, reader, nanoClock, cpu, CpuId.UNKNOWN);
    }

    /** As above, with what CPUID and DMI say of the processor (the estimate's rules for generic CPU names). */
    public static SensorSet detect(GreenTrainConfig config, Map<String, String> environment, SysfsReader reader,
                                   LongSupplier nanoClock, CpuModel cpu, CpuId cpuId) {
        return detect(config, environment, reader, nanoClock, cpu, cpuId, ContainerCgroup.ofThisProcess(cgroupMount(config)));
    }

    /** As above, with this process's cgroup as found (tests build it from fixture trees). */
    public static SensorSet detect(GreenTrainConfig config, Map<String, String> environment, SysfsReader reader,
                                   LongSupplier nanoClock, CpuModel cpu, CpuId cpuId, ContainerCgroup cgroup) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(cgroup, "cgroup");
        List<EnergySensor> sensors = new ArrayList<>();
        List<SensorDiagnosis> diagnoses = new ArrayList<>();
        // created first: a container's attribution divides by the same process share the sampler keeps
        ProcessCpuShare cpuShare = ProcessCpuShare.forThisProcess(nanoClock);
        boolean mountReported = reportMissingCgroupMount(config, cgroup);
        detectCpuAndDram(config, reader, cpu, cpuId, new Attribution(cgroup, cpuShare, nanoClock, mountReported), sensors, diagnoses);
        detectGpu(config, environment, sensors, diagnoses);
        return new SensorSet(sensors, diagnoses, cpuShare, ResidentMemoryShare.forThisProcess());
    }

    /** The cgroup v2 mount the configuration names; null when container attribution is disabled. */
    public static Path cgroupMount(GreenTrainConfig config) {
        String root = config.get(Options.CGROUP_ROOT).trim();
        return root.isEmpty() ? null : Paths.get(root);
    }

    /**
     * A {@code greentrain.cgroup.root} the user named that is no cgroup v2 mount is a mistake worth its one line, with
     * or without RAPL (the default mount is simply absent on cgroup v1 hosts). True when the line was printed.
     */
    private static boolean reportMissingCgroupMount(GreenTrainConfig config, ContainerCgroup cgroup) {
        Path mount = cgroup.mount();
        if (mount == null || "default".equals(config.origin(Options.CGROUP_ROOT)) || Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
            return false;
        }
        AgentLog.problem("cgroup", "not_found", Options.CGROUP_ROOT.key() + "='" + mount + "' holds no cgroup.controllers (not a cgroup v2"
                + " mount); a container's share of the host's RAPL energy is not computed");
        return true;
    }

    /** What a RAPL reading needs to be attributed to a container. */
    private static final class Attribution {
        final ContainerCgroup cgroup;
        final ProcessCpuShare cpuShare;
        final LongSupplier nanoClock;
        final boolean mountReported;

        Attribution(ContainerCgroup cgroup, ProcessCpuShare cpuShare, LongSupplier nanoClock, boolean mountReported) {
            this.cgroup = cgroup;
            this.cpuShare = cpuShare;
            this.nanoClock = nanoClock;
            this.mountReported = mountReported;
        }
    }

    /** The powercap roots the configuration asks for. */
    public static List<Path> raplRoots(GreenTrainConfig config) {
        String root = config.get(Options.RAPL_ROOT).trim();
        return root.isEmpty() ? RaplZoneDiscovery.DEFAULT_ROOTS : List.of(Paths.get(root));
    }

    private static void detectCpuAndDram(GreenTrainConfig config, SysfsReader reader, CpuModel cpu, CpuId cpuId, Attribution attribution,
                                         List<EnergySensor> sensors, List<SensorDiagnosis> diagnoses) {
        RaplSelection selection = new RaplZoneDiscovery(raplRoots(config), reader).select();
        RaplSensor rapl = null;
        String raplProblem = selection.problem();
        String raplReason = selection.problemReason();
        String raplFix = selection.fix();
        if (selection.usable()) {
            try {
                rapl = new RaplSensor(selection, reader);
            } catch (IOException e) {
                // readable a moment ago during discovery; treat like any other unreadable counter
                raplProblem = "RAPL counter became unreadable while opening: " + e.getClass().getSimpleName();
                raplReason = RaplSelection.UNREADABLE;
                raplFix = "check the powercap driver (dmesg | grep -i rapl)";
            }
        }
        if (rapl != null) {
            List<String> notes = new ArrayList<>(selection.notes());
            EnergySensor used = attributeToContainer(rapl, raplRoots(config), reader, attribution, notes);
            sensors.add(used);
            diagnoses.add(SensorDiagnosis.measured(Component.CPU, used.channels().get(0).source(), used.channels().get(0).detail(), notes));
            if (rapl.channels().size() > 1) {
                diagnoses.add(SensorDiagnosis.measured(Component.DRAM, EnergySource.RAPL, rapl.channels().get(1).detail(), List.of()));
            } else if (selection.dramInsideCpu()) {
                diagnoses.add(new SensorDiagnosis(Component.DRAM, null, "included in the cpu figure: the psys platform zone covers memory",
                        null, null, null, "", SensorDiagnosis.Severity.QUIET, List.of()));
            } else {
                addDramEstimate(config, sensors, diagnoses, "the RAPL packages have no dram zone (common on AMD and client CPUs)",
                        "no_dram_zone", "", SensorDiagnosis.Severity.QUIET);
            }
            return;
        }
        String hypervisorRoot = config.get(Options.HYPERVISOR_ROOT).trim();
        Optional<HypervisorSensor> hypervisor = hypervisorRoot.isEmpty() ? Optional.empty()
                : HypervisorSensor.open(Paths.get(hypervisorRoot), reader);
        if (hypervisor.isEmpty() && !hypervisorRoot.isEmpty() && !"default".equals(config.origin(Options.HYPERVISOR_ROOT))) {
            // the default mount is absent on most machines; one the user named is a mistake worth a line
            AgentLog.problem("hypervisor", "not_found", Options.HYPERVISOR_ROOT.key() + "='" + hypervisorRoot + "' holds no readable"
                    + " intel-rapl:N/energy_uj (Scaphandre's qemu layout); the hypervisor's counter is not read");
        }
        if (hypervisor.isPresent()) {
            // a VM whose host hands it its energy: measured, memory included (no DRAM estimate on top)
            sensors.add(hypervisor.get());
            diagnoses.add(SensorDiagnosis.measured(Component.CPU, EnergySource.HYPERVISOR, hypervisor.get().channels().get(0).detail(),
                    List.of("no RAPL in this machine (" + raplProblem + "); the host's per-VM counter is read instead",
                            "Scaphandre's qemu exporter adds power, not energy, per step (its issue #428): its counter may grow"
                                    + " about 5x too slowly")));
            diagnoses.add(new SensorDiagnosis(Component.DRAM, null, "included in the cpu figure: the hypervisor's per-VM counter covers memory",
                    null, null, null, "", SensorDiagnosis.Severity.QUIET, List.of()));
            return;
        }
        CpuPowerEstimate estimate = CpuPowerEstimate.forHost(cpu, CpuTdpTable.load(), config.get(Options.ESTIMATE_CPU_WATTS), cpuId);
        CpuEstimateSensor cpuSensor = new CpuEstimateSensor(estimate);
        sensors.add(cpuSensor);
        boolean fault = !RaplSelection.ABSENT.equals(raplReason);
        diagnoses.add(new SensorDiagnosis(Component.CPU, EnergySource.ESTIMATE, cpuSensor.channels().get(0).detail() + " (" + cpu + ")",
                "rapl", raplProblem, raplReason, raplFix, fault ? SensorDiagnosis.Severity.WARNING : SensorDiagnosis.Severity.INFO,
                selection.notes()));
        // the RAPL problem is reported once, with the cpu; the dram line only points to it
        addDramEstimate(config, sensors, diagnoses, "see cpu", raplReason, "", SensorDiagnosis.Severity.QUIET);
    }

    /**
     * The RAPL sensor as it is, or wrapped in a {@link CgroupRaplSensor} when this process is in a cgroup v2 container;
     * adds the note {@code doctor} prints either way. A container whose cgroup cannot be used is one problem line.
     */
    private static EnergySensor attributeToContainer(RaplSensor rapl, List<Path> raplRoots, SysfsReader reader, Attribution attribution,
                                                     List<String> notes) {
        ContainerCgroup cgroup = attribution.cgroup;
        Optional<CgroupRaplSensor> attributed = CgroupRaplSensor.attribute(rapl, cgroup, attribution.cpuShare, reader, attribution.nanoClock);
        if (attributed.isPresent()) {
            notes.add("powercap at " + raplRoots + ", cgroup v2 at " + cgroup.mount() + " (cgroup " + cgroup.path()
                    + (cgroup.containerId().isEmpty() ? "" : ", container " + cgroup.containerId()) + "): the container's share of the"
                    + " host's package energy from cpu.stat usage_usec / /proc/stat busy time, this process's share within it from its"
                    + " CPU time");
            notes.addAll(cgroup.notes());
            return attributed.get();
        }
        String why = cgroup.usable() ? "cannot read usage_usec from " + cgroup.cpuStat() : cgroup.problem();
        notes.add("container attribution not used: " + why + "; the figure is the host's");
        boolean container = !cgroup.containerId().isEmpty();
        if (cgroup.usable() || (container && cgroup.mount() != null && !attribution.mountReported)) {
            // in a container that sees the host's RAPL, a host-wide figure per pod counts the node once per pod
            String reason = cgroup.usable() ? "read_failed" : cgroup.problemReason();
            AgentLog.problem("cgroup", reason, "in container " + cgroup.containerId() + " the host's RAPL energy is reported"
                    + " whole (source rapl), not the container's share: " + why + " (" + Options.CGROUP_ROOT.key() + ")");
        }
        return rapl;
    }

    private static void addDramEstimate(GreenTrainConfig config, List<EnergySensor> sensors, List<SensorDiagnosis> diagnoses,
                                        String why, String reason, String fix, SensorDiagnosis.Severity severity) {
        double wattsPerGb = config.get(Options.ESTIMATE_DRAM_WATTS_PER_GB);
        if (wattsPerGb <= 0) {
            diagnoses.add(new SensorDiagnosis(Component.DRAM, null, "not reported: " + Options.ESTIMATE_DRAM_WATTS_PER_GB.key() + "=0",
                    "rapl", why, reason, fix, severity, List.of()));
            return;
        }
        DramEstimateSensor dram = new DramEstimateSensor(wattsPerGb, ResidentMemoryShare.installedMemoryBytes());
        sensors.add(dram);
        diagnoses.add(new SensorDiagnosis(Component.DRAM, EnergySource.ESTIMATE, dram.channels().get(0).detail(), "rapl", why, reason,
                fix, severity, List.of()));
    }

    private static void detectGpu(GreenTrainConfig config, Map<String, String> environment, List<EnergySensor> sensors,
                                  List<SensorDiagnosis> diagnoses) {
        if (!config.get(Options.GPU_ENABLED)) {
            diagnoses.add(new SensorDiagnosis(Component.GPU, null, "not read: " + Options.GPU_ENABLED.key() + "=false", null, null, null,
                    "", SensorDiagnosis.Severity.QUIET, List.of()));
            return;
        }
        boolean configured = !"default".equals(config.origin(Options.NVML_LIBRARY));
        NvmlSensor.Opening opening = NvmlSensor.open(config.get(Options.NVML_LIBRARY), configured,
                environment.get("CUDA_VISIBLE_DEVICES"), ProcessHandle.current().pid());
        if (opening.sensor() != null) {
            sensors.add(opening.sensor());
        }
        diagnoses.add(opening.diagnosis());
    }
}
