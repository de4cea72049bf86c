package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hypervisor path on a fixture in the layout Scaphandre's qemu exporter writes (src/exporters/qemu.rs at 04cc6ec):
 * {@code intel-rapl:0/energy_uj} holding a decimal microjoule count with no newline, and an empty
 * {@code intel-rapl:0:0} directory; no {@code name}, no {@code max_energy_range_uj}.
 */
class HypervisorSensorTest {

    @TempDir
    Path dir;

    /** The VM's directory as the guest sees it once mounted. */
    private Path scaphandreTree(long microjoules) throws Exception {
        Path root = dir.resolve("scaphandre");
        Files.createDirectories(root.resolve("intel-rapl:0:0"));
        Files.createDirectories(root.resolve("intel-rapl:0"));
        write(root, microjoules);
        return root;
    }

    private static void write(Path root, long microjoules) throws Exception {
        Files.writeString(root.resolve("intel-rapl:0/energy_uj"), Long.toString(microjoules)); // no newline, as fs::write does
    }

    private static SampleFrame read(EnergySensor sensor, double seconds) {
        SampleFrame frame = SampleFrame.forChannels(sensor.channels().size());
        frame.begin(0, (long) (seconds * 1e9), true, 0);
        sensor.read(frame, 0);
        return frame;
    }

    @Test
    void theCounterIsReadAsTheVmsMeasuredEnergyIncludingAResetToZero() throws Exception {
        Path root = scaphandreTree(5_000_000_000L); // 5 kJ before we started: not ours
        HypervisorSensor sensor = HypervisorSensor.open(root, SysfsReader.DIRECT).orElseThrow();
        assertThat(sensor.channels()).hasSize(1);
        assertThat(sensor.channels().get(0).component()).isEqualTo(Component.CPU);
        assertThat(sensor.channels().get(0).source()).isEqualTo(EnergySource.HYPERVISOR);

        write(root, 5_012_500_000L);
        assertThat(read(sensor, 1).hostJoules(0)).isCloseTo(12.5, within(1e-9));

        write(root, 3_000_000L); // the host's tmpfs was lost: the counter restarted from 0 and reached 3 J
        assertThat(read(sensor, 1).hostJoules(0)).as("a reset counts what the new counter holds").isCloseTo(15.5, within(1e-9));

        Files.writeString(root.resolve("intel-rapl:0/energy_uj"), ""); // caught mid-rewrite (fs::write is not atomic)
        assertThat(read(sensor, 1).hostJoules(0)).as("an empty read changes nothing").isCloseTo(15.5, within(1e-9));
        write(root, 4_000_000L);
        assertThat(read(sensor, 1).hostJoules(0)).isCloseTo(16.5, within(1e-9));

        write(root, 4_000_000L + 50_000_000_000L); // 50 kJ in a second: not energy
        assertThat(read(sensor, 1).hostJoules(0)).as("an implausible jump is dropped").isCloseTo(16.5, within(1e-9));
    }

    @Test
    void aMaxEnergyRangeBesideTheCounterIsAWrapRange() throws Exception {
        Path root = scaphandreTree(990_000_000L);
        Files.writeString(root.resolve("intel-rapl:0/max_energy_range_uj"), "1000000000\n");
        HypervisorSensor sensor = HypervisorSensor.open(root, SysfsReader.DIRECT).orElseThrow();
        write(root, 5_000_000L); // wrapped at 1000 J
        assertThat(read(sensor, 1).hostJoules(0)).isCloseTo(15, within(1e-9));
    }

    @Test
    void withoutRaplTheHypervisorCounterIsUsedAndNoEstimateAtAll() throws Exception {
        Path root = scaphandreTree(0);
        Path noPowercap = Files.createDirectories(dir.resolve("no-powercap"));
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, noPowercap.toString())
                .with(Options.HYPERVISOR_ROOT, root.toString()).with(Options.GPU_ENABLED, false);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime, new CpuModel("Intel(R) Xeon(R) Processor", 1, 2));

        assertThat(sensors.sensors()).singleElement().isInstanceOf(HypervisorSensor.class);
        assertThat(sensors.diagnoses().stream().filter(SensorDiagnosis::reported).map(d -> d.component().label() + "/" + d.source().label())
                .collect(Collectors.toList())).containsExactly("cpu/hypervisor");
        assertThat(sensors.diagnoses()).noneMatch(d -> d.source() == EnergySource.ESTIMATE);
        sensors.close();
    }

    @Test
    void anAbsentOrEmptyMountIsNoSensor() throws Exception {
        assertThat(HypervisorSensor.open(dir.resolve("missing"), SysfsReader.DIRECT)).isEmpty();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(HypervisorSensor.open(empty, SysfsReader.DIRECT)).isEmpty();
        Files.createDirectories(empty.resolve("intel-rapl:0:0")); // only the sub-zone Scaphandre makes for its regex
        assertThat(HypervisorSensor.open(empty, SysfsReader.DIRECT)).isEmpty();
    }
}
