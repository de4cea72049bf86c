package io.greentrain.exporter.cli;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.sensors.Component;
import io.greentrain.exporter.sensors.ContainerCgroup;
import io.greentrain.exporter.sensors.CpuId;
import io.greentrain.exporter.sensors.CpuModel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySnapshot;
import io.greentrain.exporter.sensors.EnergySource;
import io.greentrain.exporter.sensors.ProcStatCpuTimes;
import io.greentrain.exporter.sensors.SensorDetection;
import io.greentrain.exporter.sensors.SensorDiagnosis;
import io.greentrain.exporter.sensors.SensorSet;
import io.greentrain.exporter.sensors.SysfsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: per component (cpu, dram, gpu), what this host lets GreenTrain read, which source the
 * agent will use ({@code rapl}, {@code rapl-cgroup}, {@code hypervisor}, {@code nvml}, {@code estimate}, or none), and the exact fix for every
 * sensor that is not readable. Then it reads the chosen sensors for half a second to show they move.
 * Reads the same configuration as the agent ({@code greentrain.*} system properties and
 * {@code GREENTRAIN_*} environment); the options override it. Always exits 0: it is a report.
 */
@Command(name = "doctor", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = GreenTrainCli.Version.class,
        description = "Show which energy sensors this host can read, the source each component will use, and how to fix the ones that are not readable.")
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--rapl-root", paramLabel = "DIR",
            description = "Directory laid out like /sys/class/powercap (overrides greentrain.rapl.root).")
    Path raplRoot;

    @Option(names = "--hypervisor-root", paramLabel = "DIR",
            description = "Where the host's per-VM energy counter is mounted, Scaphandre's qemu layout (overrides greentrain.hypervisor.root).")
    Path hypervisorRoot;

    @Option(names = "--cgroup-root", paramLabel = "DIR",
            description = "The cgroup v2 mount whose cpu.stat gives a container's share of the host's RAPL energy (overrides greentrain.cgroup.root).")
    Path cgroupRoot;

    @Option(names = "--nvml-library", paramLabel = "PATH",
            description = "NVML library name or path (overrides greentrain.nvml.library).")
    String nvmlLibrary;

    @Option(names = "--measure", paramLabel = "DURATION", defaultValue = "500ms", converter = MeasureWindow.class,
            description = "How long to read the chosen sensors to show live power, e.g. 500ms, 2s; 0 skips it (default: ${DEFAULT-VALUE}).")
    Duration measure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            report(out);
        } catch (Throwable e) {
            out.println("doctor could not finish: " + e);
        }
        out.flush();
        return 0;
    }

    private void report(PrintWriter out) throws InterruptedException {
        GreenTrainConfig config = GreenTrainConfig.fromEnvironment("", problem -> out.println("config: " + problem));
        if (raplRoot != null) {
            config = config.with(Options.RAPL_ROOT, raplRoot.toString());
        }
        if (hypervisorRoot != null) {
            config = config.with(Options.HYPERVISOR_ROOT, hypervisorRoot.toString());
        }
        if (cgroupRoot != null) {
            config = config.with(Options.CGROUP_ROOT, cgroupRoot.toString());
        }
        if (nvmlLibrary != null) {
            config = config.with(Options.NVML_LIBRARY, nvmlLibrary);
        }
        Duration window = measure;
        CpuModel cpu = CpuModel.detect();
        out.println("GreenTrain doctor: energy sensors of this host (" + cpu + ")");
        out.println("powercap searched under: " + SensorDetection.raplRoots(config));
        out.println();
        CpuId cpuId = CpuId.detect();
        out.println("cpuid: " + cpuId);
        ContainerCgroup cgroup = ContainerCgroup.ofThisProcess(SensorDetection.cgroupMount(config));
        out.println("container: " + (cgroup.containerId().isEmpty() ? "none found" : cgroup.containerId()) + "; " + cgroup);
        SensorSet sensors = SensorDetection.detect(config, System.getenv(), SysfsReader.DIRECT, System::nanoTime, cpu, cpuId, cgroup);
        EnergySampler sampler = new EnergySampler(sensors, EnergySampler.MIN_INTERVAL, System::nanoTime, System::currentTimeMillis);
        try {
            for (SensorDiagnosis diagnosis : sensors.diagnoses()) {
                print(out, diagnosis);
            }
            boolean container = sensors.diagnoses().stream().anyMatch(d -> d.source() == EnergySource.RAPL_CGROUP);
            out.println("process share: cpu = this process's CPU time / " + (container ? "the container's (cpu.stat usage_usec), of the"
                    + " container's energy (its share of the host's busy CPU time)" : "host CPU time")
                    + (ProcStatCpuTimes.available() ? " (/proc/stat readable)" : " (host CPU time via OSHI)")
                    + "; dram = resident memory / installed memory; gpu = NVML process data");
            if (!window.isZero()) {
                measure(out, sampler, window);
            }
        } finally {
            sampler.close();
        }
    }

    private static void print(PrintWriter out, SensorDiagnosis diagnosis) {
        String component = String.format(Locale.ROOT, "%-5s", diagnosis.component().label());
        String indent = "      ";
        if (diagnosis.reported()) {
            boolean measured = diagnosis.source() != EnergySource.ESTIMATE;
            out.println(component + " source: " + diagnosis.source().label() + (measured ? " (measured)" : " (modelled, not measured)"));
            out.println(indent + "reads: " + diagnosis.detail());
        } else {
            out.println(component + " not reported: " + diagnosis.detail());
        }
        for (String note : diagnosis.notes()) {
            out.println(indent + "note: " + note);
        }
        if (diagnosis.problem() != null) {
            out.println(indent + (diagnosis.unusedSensor() == null ? "" : diagnosis.unusedSensor() + " ") + "not used: " + diagnosis.problem());
        }
        if (!diagnosis.fix().isEmpty()) {
            out.println(indent + "fix: " + diagnosis.fix());
        }
        out.println();
    }

    private static void measure(PrintWriter out, EnergySampler sampler, Duration window) throws InterruptedException {
        EnergySnapshot start = sampler.sampleNow();
        Thread.sleep(window.toMillis());
        EnergySnapshot end = sampler.sampleNow();
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        StringBuilder line = new StringBuilder("host power over " + window.toMillis() + " ms:");
        for (Component component : Component.values()) {
            boolean present = sampler.channels().stream().anyMatch(c -> c.component() == component);
            if (present && seconds > 0) {
                double watts = (end.hostJoules(component) - start.hostJoules(component)) / seconds;
                line.append(String.format(Locale.ROOT, " %s %.1f W", component.label(), watts));
            }
        }
        out.println(line);
    }

    /** Parses {@code --measure}: {@code 0}, {@code <n>ms} or {@code <x>s}, at most 60 s. */
    static final class MeasureWindow implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            Duration duration = null;
            try {
                if (value.equals("0")) {
                    duration = Duration.ZERO;
                } else if (value.endsWith("ms")) {
                    duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
                } else if (value.endsWith("s")) {
                    duration = Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1).trim()) * 1000));
                }
            } catch (NumberFormatException e) {
                duration = null;
            }
            if (duration == null || duration.isNegative() || duration.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new TypeConversionException("'" + text + "' is not a duration from 0 to 60s such as 500ms or 2s");
            }
            return duration;
        }
    }
}
