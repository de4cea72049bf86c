package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.outputs.EnergyMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lives with the sensors' test doubles (NVML double, scripted host), which it drives through package-private openers. */
class EnergyMetricsTest {

    private NvmlTestDouble gpu;

    @BeforeEach
    void loadDouble() {
        gpu = NvmlTestDouble.load();
        gpu.gtd_reset(1);
    }

    @Test
    void scrapeHasHostProcessAndSensorInfoForWhatIsMeasuredOnly() {
        FakeHost host = new FakeHost(2);
        gpu.gtd_set_processes(0, 2, new int[] {4242, 1});
        String library = NvmlTestDouble.library().toString();
        NvmlSensor nvml = NvmlSensor.open(NvmlLibrary.load(library), library, null, 4242, pid -> false).sensor();
        ScriptedSensor cpu = new ScriptedSensor(List.of(EnergyChannel.cpu(EnergySource.ESTIMATE, "scripted")), nanos -> 20 * nanos / 1e9);
        EnergySampler sampler = host.sampler(host.sensorSet(cpu, nvml), Duration.ofSeconds(1));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new EnergyMetrics(sampler).bindTo(registry);

        host.run(1000, 2, 2);
        gpu.gtd_add_energy(0, 300_000);
        sampler.tick();
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("greentrain_host_energy_joules_total{component=\"cpu\",source=\"estimate\"} 20.0")
                .contains("greentrain_process_energy_joules_total{component=\"cpu\",source=\"estimate\"} 20.0")
                .contains("greentrain_host_energy_joules_total{component=\"gpu\",device=\"0\",source=\"nvml\"} 300.0")
                .contains("greentrain_process_energy_joules_total{component=\"gpu\",device=\"0\",source=\"nvml\",split=\"unsplit\"} 150.0")
                .contains("greentrain_process_energy_joules_total{component=\"gpu\",device=\"0\",source=\"nvml\",split=\"measured\"} 0.0")
                .contains("greentrain_sensor_info{component=\"cpu\",source=\"estimate\"} 1")
                .contains("greentrain_sensor_info{component=\"gpu\",source=\"nvml\"} 1")
                .contains("greentrain_estimate_band_ratio{bound=\"low\",component=\"cpu\",source=\"estimate\"} 0.5")
                .contains("greentrain_estimate_band_ratio{bound=\"high\",component=\"cpu\",source=\"estimate\"} 2.0")
                .doesNotContain("greentrain_estimate_band_ratio{bound=\"low\",component=\"gpu\"")
                .doesNotContain("component=\"dram\"")
                .doesNotContain("_watts");
        sampler.close();
    }
}
