package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAPL counters that exist but cannot be read. Tests run as root here, where chmod 000 does not deny
 * anything, so denial is simulated honestly at the one place it surfaces: a {@link SysfsReader} that
 * throws the {@link AccessDeniedException} the JDK throws for EACCES on {@code energy_uj}. The second
 * case needs no simulation: {@code energy_uj} is a directory, which fails with a plain IOException.
 */
class RaplUnreadableTest {

    private static final CpuModel XEON = new CpuModel("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", 2, 64);

    @TempDir
    Path dir;

    /** Reads like {@link SysfsReader#DIRECT} but is refused every {@code energy_uj}, as a non-root user on Linux >= 5.10. */
    static final class PermissionDeniedReader implements SysfsReader {
        @Override
        public long readLong(Path file) throws IOException {
            if (file.getFileName().toString().equals("energy_uj")) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsReader.DIRECT.readLong(file);
        }

        @Override
        public String readLine(Path file) throws IOException {
            return SysfsReader.DIRECT.readLine(file);
        }
    }

    private GreenTrainConfig config() {
        return GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.toString()).with(Options.GPU_ENABLED, false);
    }

    @Test
    void permissionDeniedFallsBackToTheLabelledEstimateWithOneWarningNamingTheFix() {
        PowercapFixture.twoSockets(dir, 262_143_328_850L);
        long problemsBefore = problemCount("rapl", "permission_denied");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        SensorSet sensors;
        try {
            sensors = SensorDetection.detect(config(), Map.of(), new PermissionDeniedReader(), System::nanoTime, XEON);
            sensors.logDiagnoses();
            try (EnergySampler sampler = new EnergySampler(sensors, Duration.ofMillis(100), System::nanoTime, System::currentTimeMillis)) {
                for (int i = 0; i < 10; i++) {
                    sampler.sampleNow();
                    sampler.tick();
                }
                assertThat(sampler.channels()).extracting(c -> c.component().label() + "/" + c.source().label())
                        .containsExactly("cpu/estimate", "dram/estimate");
            }
            sensors.logDiagnoses(); // a second start in the same JVM must not print again
        } finally {
            System.setErr(originalErr);
        }

        SensorDiagnosis cpu = sensors.diagnoses().get(0);
        assertThat(cpu.component()).isEqualTo(Component.CPU);
        assertThat(cpu.source()).isEqualTo(EnergySource.ESTIMATE);
        assertThat(cpu.problemReason()).isEqualTo(RaplSelection.PERMISSION_DENIED);
        assertThat(cpu.severity()).isEqualTo(SensorDiagnosis.Severity.WARNING);
        assertThat(cpu.detail()).contains("TDP table: 'intel xeon platinum 8375c' 300 W x 2 socket(s)");
        assertThat(cpu.fix())
                .contains("sudo chmod a+r " + dir.resolve("intel-rapl:0").resolve("energy_uj"))
                .contains("SUBSYSTEM==\"powercap\"")
                .contains("DAC_READ_SEARCH");
        assertThat(sensors.diagnoses().get(1).source()).isEqualTo(EnergySource.ESTIMATE);
        assertThat(sensors.diagnoses().get(1).severity()).isEqualTo(SensorDiagnosis.Severity.QUIET);

        String[] warnings = Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains("RAPL energy counters are not readable")).toArray(String[]::new);
        assertThat(warnings).hasSize(1);
        assertThat(warnings[0]).startsWith("greentrain: warn: ").contains("estimated (source=estimate)").contains("chmod");
        assertThat(problemCount("rapl", "permission_denied") - problemsBefore).isEqualTo(2); // counted per start, printed once
    }

    @Test
    void energyFileThatIsADirectoryIsUnreadableAndEstimated() throws Exception {
        PowercapFixture fixture = PowercapFixture.twoSockets(dir, 262_143_328_850L);
        Path energy = fixture.zoneDirectory("intel-rapl:1").resolve("energy_uj");
        Files.delete(energy);
        Files.createDirectory(energy);

        SensorSet sensors = SensorDetection.detect(config(), Map.of(), SysfsReader.DIRECT, System::nanoTime, XEON);

        SensorDiagnosis cpu = sensors.diagnoses().get(0);
        assertThat(cpu.source()).isEqualTo(EnergySource.ESTIMATE);
        assertThat(cpu.problemReason()).isEqualTo(RaplSelection.UNREADABLE);
        assertThat(cpu.problem()).contains(energy.toString());
        assertThat(sensors.sensors()).hasOnlyElementsOfTypes(CpuEstimateSensor.class, DramEstimateSensor.class);
    }

    private static long problemCount(String component, String reason) {
        AtomicLong count = AgentLog.problemCounts().get(component + "\u0000" + reason);
        return count == null ? 0 : count.get();
    }
}
