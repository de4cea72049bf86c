package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.carbon.GridIntensity;
import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.carbon.GridZone;
import io.greentrain.exporter.carbon.IntensityReading;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.RecordFormat;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingOutputsTest {

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void recordsFileNamesTakeThePidAndHostSoManyJvmsShareADirectory() {
        assertThat(TrainingOutputs.expand("/shared/greentrain-{host}-{pid}.jsonl", new JvmIdentity("j", 4242, "node 1/a")))
                .isEqualTo("/shared/greentrain-node_1_a-4242.jsonl");
        assertThat(TrainingOutputs.expand("greentrain-calls.jsonl", new JvmIdentity("j", 1, "h"))).isEqualTo("greentrain-calls.jsonl");
    }

    @Test
    void aFinishedCallIsAnnotatedWrittenPublishedAndPrinted() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "SE-SE3").with(Options.CARBON_PUE, 1.25)
                .with(Options.RECORDS_FILE, file.toString())
                .with(Options.CARBON_PROVIDER_TOKEN, "tok-do-not-leak-42"); // provider none: the token is never used
        GridZone se3 = GridIntensityTable.embedded().find("SE-SE3").orElseThrow();
        CallRecord call = TrainingMetricsTest.call("dl4j", "MultiLayerNetwork", "success", 2.4e6, 1.2e6, null);
        double expectedGrams = 1.0 * 1.25 * se3.gramsPerKwh(); // 3.6 MJ = 1 kWh
        String stderr;
        try (TrainingOutputs outputs = TrainingOutputs.start(config, registry, JvmIdentity.ofThisJvm()); StderrCapture err = new StderrCapture()) {
            outputs.runFinished(call, TrainingMetricsTest.lastOf(call));
            stderr = err.text();
        }
        CallRecord written = CallRecordReader.read(file).records().get(0);
        assertThat(written.carbon().zone()).isEqualTo("SE-SE3");
        assertThat(written.carbon().intensitySource()).isEqualTo(se3.tableSource());
        assertThat(written.carbon().pue()).isEqualTo(1.25);
        assertThat(written.carbon().grams()).isCloseTo(expectedGrams, within(1e-9));
        assertThat(Files.readString(file)).doesNotContain("tok-do-not-leak-42");

        String scrape = registry.scrape();
        assertThat(scrape).contains("greentrain_training_emissions_grams_total{library=\"dl4j\",model=\"MultiLayerNetwork\"} "
                + expectedGrams)
                .contains("greentrain_grid_carbon_intensity_grams_per_kwh{source=\"" + se3.tableSource() + "\",zone=\"SE-SE3\"} "
                        + se3.gramsPerKwh())
                .contains("greentrain_pue 1.25")
                .contains("greentrain_process_emissions_grams_total 0.0")
                .doesNotContain("tok-do-not-leak-42");

        assertThat(stderr).startsWith("greentrain: dl4j MultiLayerNetwork 2 s: cpu 2.4 MJ (rapl), gpu 1.2 MJ (nvml); ")
                .contains(HumanUnits.grams(expectedGrams) + " CO2e (SE-SE3 ")
                .contains(se3.tableSource()).doesNotContain("tok-do-not-leak-42");
    }

    @Test
    void consoleLineCanBeSwitchedOffAndRecordsDisabled() {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CONSOLE_ENABLED, false).with(Options.RECORDS_FILE, "")
                .with(Options.CARBON_ZONE, "FR");
        try (TrainingOutputs outputs = TrainingOutputs.start(config, registry, JvmIdentity.ofThisJvm()); StderrCapture err = new StderrCapture()) {
            CallRecord rf = TrainingMetricsTest.call("smile", "RandomForest", "success", 10, 0, null);
            outputs.runFinished(rf, TrainingMetricsTest.lastOf(rf));
            assertThat(err.text()).isEmpty();
        }
        assertThat(registry.scrape()).contains("greentrain_training_calls_total{library=\"smile\",model=\"RandomForest\",outcome=\"success\"} 1.0");
    }

    @Test
    void aFailingStageDoesNotStopTheOthersNorThrow() {
        GridIntensity broken = new GridIntensity() {
            @Override
            public String zone() {
                return "FR";
            }

            @Override
            public IntensityReading current() {
                throw new IllegalStateException("broken");
            }

            @Override
            public IntensityReading over(long fromMillis, long toMillis) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void onChange(Consumer<IntensityReading> listener) {
            }

            @Override
            public void close() {
            }
        };
        Path file = dir.resolve("calls.csv");
        TrainingOutputs outputs = new TrainingOutputs(new CarbonAccounting(broken, 1.0), new CallRecordWriter(file, RecordFormat.CSV),
                new TrainingMetrics(registry, new MetricLabels(5)), true, false);
        assertThatCode(() -> {
            try (StderrCapture err = new StderrCapture()) {
                CallRecord lr = TrainingMetricsTest.call("tribuo", "LogisticRegressionTrainer", "success", 5, 0, null);
                outputs.runFinished(lr, TrainingMetricsTest.lastOf(lr));
                outputs.runFinished(null, null);
                outputs.runProgress(null);
                outputs.groupFinished(null);
                outputs.forecast(new EnergyForecast("tribuo", "X", 1, 2, 1, 1, 2, 0));
                assertThat(err.text()).contains("greentrain: tribuo LogisticRegressionTrainer").doesNotContain("CO2e");
            }
        }).doesNotThrowAnyException();
        assertThat(file).exists();
        assertThat(registry.scrape()).contains("greentrain_training_calls_total{library=\"tribuo\"");
    }

    @Test
    void forecastFromProgressDatesTheCallBackAndClampsThePlan() {
        long before = System.currentTimeMillis();
        EnergyForecast f = EnergyForecast.fromProgress("dl4j", "M", 3, 2, 30, 300, 200);
        assertThat(f.callStartMillis()).isBetween(before - 30_000, System.currentTimeMillis() - 30_000);
        assertThat(f.epochsPlanned()).isEqualTo(3);
        assertThat(f.forecastJoules()).isEqualTo(300);
        assertThat(f.secondsLeft()).isZero();
    }

    @Test
    void forecastsSetTheGaugesAndPrintALine() {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CARBON_INTENSITY, 200.0).with(Options.RECORDS_FILE, "");
        try (TrainingOutputs outputs = TrainingOutputs.start(config, registry, JvmIdentity.ofThisJvm()); StderrCapture err = new StderrCapture()) {
            long start = System.currentTimeMillis() - 12_000;
            outputs.forecast(new EnergyForecast("dl4j", "ComputationGraph", 1, 10, 12, 1.8e6, 18e6, start));
            // 18 MJ = 5 kWh at 200 g/kWh = 1 kg
            assertThat(registry.scrape())
                    .contains("greentrain_training_forecast_energy_joules{library=\"dl4j\",model=\"ComputationGraph\"} 1.8E7")
                    .contains("greentrain_training_forecast_emissions_grams{library=\"dl4j\",model=\"ComputationGraph\"} 1000.0");
            assertThat(err.text()).isEqualTo("greentrain: forecast dl4j ComputationGraph: epoch 1/10 took 12 s and 1.8 MJ; "
                    + "whole call ~ 18 MJ, 1 kg CO2e (custom 200 g/kWh, config), ~ 1 min 48 s left" + System.lineSeparator());
        }
    }
}
