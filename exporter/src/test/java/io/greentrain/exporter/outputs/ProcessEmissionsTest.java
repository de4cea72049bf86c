package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.carbon.FixedGridIntensity;
import io.greentrain.exporter.carbon.IntensityReading;
import io.greentrain.exporter.metrics.MetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

class ProcessEmissionsTest {

    @Test
    void chargesProcessEnergyAsItGrows() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CarbonAccounting carbon = new CarbonAccounting(new FixedGridIntensity("DE", new IntensityReading(400, "config")), 1.5);
        AtomicLong clock = new AtomicLong(0);
        ProcessEmissions emissions = new ProcessEmissions(registry, carbon, clock::get);
        emissions.bind();
        assertThat(emissions.grams()).isZero(); // no sensor counters yet

        DoubleAdder cpu = new DoubleAdder();
        DoubleAdder dram = new DoubleAdder();
        FunctionCounter.builder(MetricNames.PROCESS_ENERGY, cpu, DoubleAdder::sum).baseUnit("joules")
                .tag("component", "cpu").tag("source", "rapl").register(registry);
        FunctionCounter.builder(MetricNames.PROCESS_ENERGY, dram, DoubleAdder::sum).baseUnit("joules")
                .tag("component", "dram").tag("source", "estimate").register(registry);
        cpu.add(3.0e6);
        dram.add(0.6e6);
        clock.set(10_000);
        // 3.6 MJ = 1 kWh x 1.5 x 400 g/kWh
        assertThat(emissions.grams()).isCloseTo(600, within(1e-9));
        cpu.add(1.8e6);
        clock.set(20_000);
        assertThat(emissions.grams()).isCloseTo(900, within(1e-9));
        assertThat(registry.scrape()).contains("greentrain_process_emissions_grams_total 900.0");
    }
}
