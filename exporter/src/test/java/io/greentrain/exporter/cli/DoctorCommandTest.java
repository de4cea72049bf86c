package io.greentrain.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.sensors.PowercapFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new GreenTrainCli());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void readableRaplIsReportedAsMeasuredWithWhatIsLeftOut() {
        PowercapFixture.twoSockets(dir, 262_143_328_850L);

        // --cgroup-root "": the host's figure even where the tests run in a cgroup v2 container
        String[] result = run("doctor", "--rapl-root", dir.toString(), "--cgroup-root", "", "--nvml-library", "/nowhere/libnvidia-ml.so.1",
                "--measure", "100ms");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("cpu   source: rapl (measured)")
                .contains("package zones [intel-rapl:0 (package-0), intel-rapl:1 (package-1)]")
                .contains("note: left out intel-rapl-mmio:0 (package-0)")
                .contains("dram  source: rapl (measured)")
                .contains("gpu   not reported")
                .contains("nvml not used: no NVIDIA library '/nowhere/libnvidia-ml.so.1'")
                .contains("fix: on a host with NVIDIA GPUs install the NVIDIA driver")
                .contains("host power over 100 ms: cpu 0.0 W dram 0.0 W");
    }

    @Test
    void aVmWithTheHostsPerVmCounterMountedIsMeasuredNotEstimated() throws Exception {
        java.nio.file.Path tree = dir.resolve("scaphandre");
        java.nio.file.Files.createDirectories(tree.resolve("intel-rapl:0:0"));
        java.nio.file.Files.createDirectories(tree.resolve("intel-rapl:0"));
        java.nio.file.Files.writeString(tree.resolve("intel-rapl:0/energy_uj"), "123456789");

        String[] result = run("doctor", "--rapl-root", dir.resolve("none").toString(), "--hypervisor-root", tree.toString(),
                "--nvml-library", "/nowhere/libnvidia-ml.so.1", "--measure", "0");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("cpu   source: hypervisor (measured)").contains("intel-rapl:0/energy_uj")
                .contains("dram  not reported: included in the cpu figure").doesNotContain("estimate (modelled");
    }

    @Test
    void missingRaplShowsTheEstimateAndTheFix() {
        String[] result = run("doctor", "--rapl-root", dir.resolve("none").toString(), "--hypervisor-root", dir.resolve("no-vm").toString(),
                "--measure", "0");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("cpu   source: estimate (modelled, not measured)")
                .contains("rapl not used: no powercap RAPL zones under [" + dir.resolve("none") + "]")
                .contains("fix: on bare-metal Linux load the powercap RAPL driver")
                .doesNotContain("host power over");
    }

    @Test
    void theContainerLineAndWhyTheRaplFigureIsNotAttributedToAContainer() throws Exception {
        PowercapFixture.twoSockets(dir.resolve("powercap"), 262_143_328_850L);
        java.nio.file.Path noCgroupV2 = java.nio.file.Files.createDirectories(dir.resolve("cgroup")); // no cgroup.controllers

        String[] result = run("doctor", "--rapl-root", dir.resolve("powercap").toString(), "--cgroup-root", noCgroupV2.toString(),
                "--nvml-library", "/nowhere/libnvidia-ml.so.1", "--measure", "0");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("container: ").contains("cpu   source: rapl (measured)")
                .contains("note: container attribution not used: not cgroup v2").contains("the figure is the host's")
                .contains("process share: cpu = this process's CPU time / host CPU time");
    }

    @Test
    void badMeasureIsAUsageError() {
        String[] result = run("doctor", "--measure", "soon");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("soon");
    }
}
