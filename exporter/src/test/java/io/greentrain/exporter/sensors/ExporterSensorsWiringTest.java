package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.GreenTrainExporter;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GreenTrainExporter#start} starts the sensors, the sampler thread, the energy meters and the attributor. */
class ExporterSensorsWiringTest {

    @TempDir
    Path dir;

    @Test
    void theExporterMeasuresWithTheConfiguredSensors() {
        PowercapFixture fixture = PowercapFixture.twoSockets(dir, 262_143_328_850L);
        GreenTrainConfig config = GreenTrainConfig.defaults()
                .with(Options.PROMETHEUS_ENABLED, false)
                .with(Options.RECORDS_FILE, "")
                .with(Options.CONSOLE_ENABLED, false)
                .with(Options.RAPL_ROOT, dir.toString()).with(Options.CGROUP_ROOT, "")
                .with(Options.GPU_ENABLED, false)
                .with(Options.SAMPLE_INTERVAL, Duration.ofMillis(100));
        try (GreenTrainExporter exporter = GreenTrainExporter.start(config)) {
            EnergySampler sampler = exporter.sampler();
            assertThat(sampler).isNotNull();
            assertThat(sampler.tickInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("greentrain-sampler") && t.isDaemon());

            TrainingCalls calls = exporter.trainingCalls();
            CallHandle handle = calls.started(new CallStart("smile", "RandomForest", "RandomForest#fit", "main", 1, -1, "", ""));
            assertThat(handle).isNotSameAs(CallHandle.UNTRACKED);
            fixture.advance("intel-rapl:0", 7_000_000);
            calls.ended(handle, TrainingCalls.SUCCESS, "");
            sampler.sampleNow();

            String scrape = exporter.registry().scrape();
            assertThat(scrape)
                    .contains("greentrain_host_energy_joules_total{component=\"cpu\",source=\"rapl\"} 7.0")
                    .contains("greentrain_host_energy_joules_total{component=\"dram\",source=\"rapl\"} 0.0")
                    .contains("greentrain_process_energy_joules_total{component=\"cpu\",source=\"rapl\"}")
                    .contains("greentrain_sensor_info{component=\"cpu\",source=\"rapl\"} 1")
                    .contains("greentrain_sensor_info{component=\"dram\",source=\"rapl\"} 1");
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (samplerThreadAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(samplerThreadAlive()).as("close() stops the sampler thread").isFalse();
    }

    private static boolean samplerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("greentrain-sampler") && t.isAlive());
    }
}
