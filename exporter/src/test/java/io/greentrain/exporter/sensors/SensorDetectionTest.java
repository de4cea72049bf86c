package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorDetectionTest {

    private static final CpuModel UNKNOWN_CPU = new CpuModel("AMD EPYC", 1, 2);

    @TempDir
    Path dir;

    @Test
    void noRaplMeansLabelledEstimatesAndAnInfoNotAWarning() {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.toString()).with(Options.CGROUP_ROOT, "").with(Options.GPU_ENABLED, false);

        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime, UNKNOWN_CPU);

        assertThat(sensors.diagnoses()).extracting(SensorDiagnosis::component).containsExactly(Component.CPU, Component.DRAM, Component.GPU);
        SensorDiagnosis cpu = sensors.diagnoses().get(0);
        assertThat(cpu.source()).isEqualTo(EnergySource.ESTIMATE);
        assertThat(cpu.problemReason()).isEqualTo(RaplSelection.ABSENT);
        assertThat(cpu.severity()).isEqualTo(SensorDiagnosis.Severity.INFO);
        assertThat(cpu.detail()).contains("default 4 W x 2 threads");
        assertThat(sensors.diagnoses().get(2).reported()).isFalse();
        assertThat(sensors.diagnoses().get(2).detail()).contains("greentrain.gpu.enabled=false");
    }

    @Test
    void packagesWithoutDramZonesGetTheDramEstimateAndZeroWattsPerGbTurnsItOff() {
        new PowercapFixture(dir).zone("intel-rapl:0", "package-0", 1, 1L << 32);
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.toString()).with(Options.CGROUP_ROOT, "").with(Options.GPU_ENABLED, false);

        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime, UNKNOWN_CPU);
        assertThat(sensors.diagnoses().get(0).source()).isEqualTo(EnergySource.RAPL);
        assertThat(sensors.diagnoses().get(1).source()).isEqualTo(EnergySource.ESTIMATE);

        SensorSet off = SensorDetection.detect(config.with(Options.ESTIMATE_DRAM_WATTS_PER_GB, 0.0), Map.of(), SysfsReader.DIRECT,
                System::nanoTime, UNKNOWN_CPU);
        assertThat(off.sensors()).hasSize(1);
        assertThat(off.diagnoses().get(1).reported()).isFalse();
    }

    @Test
    void gpusComeFromTheConfiguredNvmlLibraryAndRespectCudaVisibleDevices() {
        NvmlTestDouble gpu = NvmlTestDouble.load();
        gpu.gtd_reset(3);
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.toString()).with(Options.CGROUP_ROOT, "")
                .with(Options.NVML_LIBRARY, NvmlTestDouble.library().toString());

        SensorSet sensors = SensorDetection.detect(config, Map.of("CUDA_VISIBLE_DEVICES", "2"), SysfsReader.DIRECT, System::nanoTime,
                UNKNOWN_CPU);
        try {
            SensorDiagnosis gpuDiagnosis = sensors.diagnoses().get(2);
            assertThat(gpuDiagnosis.source()).isEqualTo(EnergySource.NVML);
            assertThat(sensors.sensors().get(sensors.sensors().size() - 1).channels()).extracting(EnergyChannel::device).containsExactly("2");
        } finally {
            sensors.close();
        }
    }
}
