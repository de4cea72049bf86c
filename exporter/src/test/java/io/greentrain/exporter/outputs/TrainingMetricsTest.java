package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.RunFacts;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class TrainingMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    static CallRecord call(String library, String model, String outcome, double cpu, double gpu, CarbonFigures carbon) {
        return new CallRecord("r", 1, "h", "t", library, model, model + "#fit", outcome, "", 0, 2_000, 2.0, 1, 1,
                List.of(new ComponentEnergy("cpu", "rapl", cpu), new ComponentEnergy("gpu", "nvml", gpu)), "", "", carbon);
    }

    /** Publishes {@code record} as a run that ended with one call, its energy and grams delivered at its end. */
    static void finish(TrainingMetrics metrics, CallRecord record) {
        metrics.runStarted(record.library(), record.model(), "");
        metrics.runFinished(record, lastOf(record), record.carbon() == null ? Double.NaN : record.carbon().grams());
    }

    /** The progress a one-call run ends with: its whole energy and its one call. */
    static RunProgress lastOf(CallRecord record) {
        long[] calls = new long[3];
        calls["success".equals(record.outcome()) ? RunProgress.SUCCESS : RunProgress.ERROR] = 1;
        return new RunProgress(record.runId(), "", record.library(), record.model(), record.energy(), calls,
                record.startEpochMillis(), record.endEpochMillis(), 1, 0, record.durationSeconds());
    }

    @Test
    void runsInfoGaugeShowsTheOpenRunsOnly() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(10));
        metrics.runStarted("dl4j", "MultiLayerNetwork", "nightly");
        assertThat(registry.scrape()).contains(
                "greentrain_training_run_info{library=\"dl4j\",model=\"MultiLayerNetwork\",run_name=\"nightly\"} 1");
        CallRecord run = new CallRecord("j", 1, "h", "t", "dl4j", "MultiLayerNetwork", "MultiLayerNetwork#fit", "success", "", 0, 1000,
                1.0, 3, -1, List.of(new ComponentEnergy("cpu", "rapl", 5)), "", "", null,
                new RunFacts(RunFacts.RUN, "j-1", "nightly", 600, 19200, "", ""));
        metrics.runFinished(run, null, Double.NaN);
        assertThat(registry.scrape())
                .doesNotContain("greentrain_training_run_info{library=\"dl4j\",model=\"MultiLayerNetwork\",run_name=\"nightly\"}")
                .contains("greentrain_training_runs_total{library=\"dl4j\",model=\"MultiLayerNetwork\",outcome=\"success\"} 1.0")
                .doesNotContain("j-1");
    }

    static CallRecord tribuoRun(String runId) {
        return new CallRecord("j", 1, "h", "t", "tribuo", "LinearSGDModel", "LinearSGDTrainer#train", "success", "", 0, 1000,
                1.0, 3, -1, List.of(new ComponentEnergy("cpu", "rapl", 5)), "", "", null,
                new RunFacts(RunFacts.RUN, runId, "cv", 1, 100, "", ""));
    }

    /**
     * Several Tribuo runs with the same labels, overlapping then one after the other: one info series, 1 while any is
     * open, gone when none is; and no second registration of that gauge (Micrometer warns "This Gauge has been already
     * registered ..., the registration will be ignored" on each one).
     */
    @Test
    void runsWithTheSameLabelsShareOneInfoSeriesRegisteredOnce() {
        for (MeterRegistry meters : List.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new SimpleMeterRegistry())) {
            List<String> warnings = new ArrayList<>();
            Logger micrometer = Logger.getLogger(MeterRegistry.class.getName());
            Level level = micrometer.getLevel();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getMessage() != null && record.getMessage().contains("already registered")) {
                        warnings.add(record.getMessage());
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            handler.setLevel(Level.ALL);
            micrometer.setLevel(Level.ALL); // Micrometer warns once per JVM, then logs the same at debug (FINE)
            micrometer.addHandler(handler);
            try {
                TrainingMetrics metrics = new TrainingMetrics(meters, new MetricLabels(10));
                metrics.runStarted("tribuo", "LinearSGDModel", "cv");
                metrics.runStarted("tribuo", "LinearSGDModel", "cv"); // the second opens while the first is open
                assertThat(infoSeries(meters)).as("one series while two runs are open").containsExactly(1.0);
                metrics.runFinished(tribuoRun("j-1"), null, Double.NaN);
                assertThat(infoSeries(meters)).as("still one series while the second run is open").containsExactly(1.0);
                metrics.runFinished(tribuoRun("j-2"), null, Double.NaN);
                assertThat(infoSeries(meters)).as("no series once none is open").isEmpty();
                metrics.runStarted("tribuo", "LinearSGDModel", "cv"); // a third, after both ended
                assertThat(infoSeries(meters)).as("one series again for the third run").containsExactly(1.0);
                metrics.runFinished(tribuoRun("j-3"), null, Double.NaN);
                assertThat(infoSeries(meters)).isEmpty();
                assertThat(meters.find(io.greentrain.exporter.metrics.MetricNames.TRAINING_RUNS).counter().count()).isEqualTo(3.0);
            } finally {
                micrometer.removeHandler(handler);
                micrometer.setLevel(level);
            }
            assertThat(warnings).as(meters.getClass().getSimpleName() + ": duplicate gauge registrations").isEmpty();
        }
    }

    /** The values of every {@code greentrain.training.run.info} series with the Tribuo run's labels. */
    private static List<Double> infoSeries(MeterRegistry meters) {
        List<Double> values = new ArrayList<>();
        meters.find(io.greentrain.exporter.metrics.MetricNames.TRAINING_RUN_INFO).tag("library", "tribuo")
                .tag("model", "LinearSGDModel").tag("run_name", "cv").gauges().forEach(g -> values.add(g.value()));
        return values;
    }

    @Test
    void progressAddsCallsAndEnergyBeforeTheRunEnds() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(10));
        metrics.progress(new RunProgress("j-1", "", "tribuo", "SGD", List.of(new ComponentEnergy("cpu", "estimate", 7.5)),
                new long[] {40, 0, 0}, 0, 10_000, 40, 7.5, 10), 0.5);
        assertThat(registry.scrape())
                .contains("greentrain_training_calls_total{library=\"tribuo\",model=\"SGD\",outcome=\"success\"} 40.0")
                .contains("greentrain_training_energy_joules_total{component=\"cpu\",library=\"tribuo\",model=\"SGD\",source=\"estimate\"} 7.5")
                .contains("greentrain_training_emissions_grams_total{library=\"tribuo\",model=\"SGD\"} 0.5")
                .doesNotContain("greentrain_training_runs_total{");
    }

    @Test
    void finishedCallsShowUpUnderTheDocumentedNames() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(10));
        finish(metrics, call("dl4j", "MultiLayerNetwork", "success", 100, 50, new CarbonFigures("FR", 56, "table:owid-2023", 1, 0.25)));
        finish(metrics, call("dl4j", "MultiLayerNetwork", "error", 10, 0, new CarbonFigures("FR", 56, "table:owid-2023", 1, 0.5)));
        metrics.epochEnded("dl4j", "MultiLayerNetwork");
        metrics.forecast("smile", "RandomForest", 1234, 5.5);
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("greentrain_training_energy_joules_total{component=\"cpu\",library=\"dl4j\",model=\"MultiLayerNetwork\",source=\"rapl\"} 110.0")
                .contains("greentrain_training_energy_joules_total{component=\"gpu\",library=\"dl4j\",model=\"MultiLayerNetwork\",source=\"nvml\"} 50.0")
                .contains("greentrain_training_calls_total{library=\"dl4j\",model=\"MultiLayerNetwork\",outcome=\"success\"} 1.0")
                .contains("greentrain_training_calls_total{library=\"dl4j\",model=\"MultiLayerNetwork\",outcome=\"error\"} 1.0")
                .contains("greentrain_training_duration_seconds_count{library=\"dl4j\",model=\"MultiLayerNetwork\",outcome=\"success\"} 1")
                .contains("greentrain_training_duration_seconds_sum{library=\"dl4j\",model=\"MultiLayerNetwork\",outcome=\"success\"} 2.0")
                .contains("greentrain_training_emissions_grams_total{library=\"dl4j\",model=\"MultiLayerNetwork\"} 0.75")
                .contains("greentrain_training_epochs_total{library=\"dl4j\",model=\"MultiLayerNetwork\"} 1.0")
                .contains("greentrain_training_forecast_energy_joules{library=\"smile\",model=\"RandomForest\"} 1234.0")
                .contains("greentrain_training_forecast_emissions_grams{library=\"smile\",model=\"RandomForest\"} 5.5")
                .contains("greentrain_training_active{library=\"tribuo\"} 0.0");
        metrics.callMeters("smile", "RandomForest").ended();
        assertThat(registry.scrape()).contains("greentrain_training_forecast_energy_joules{library=\"smile\",model=\"RandomForest\"} 0.0");
    }

    @Test
    void labelsStayBounded() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(2));
        for (String model : List.of("A", "B", "C", "D", "A")) {
            finish(metrics, call("weka", model, "killed", 1, 1, null));
        }
        String scrape = registry.scrape();
        assertThat(scrape).contains("greentrain_training_calls_total{library=\"custom\",model=\"A\",outcome=\"error\"} 2.0")
                .contains("greentrain_training_calls_total{library=\"custom\",model=\"other\",outcome=\"error\"} 2.0")
                .doesNotContain("model=\"C\"").doesNotContain("weka").doesNotContain("killed")
                .doesNotContain("greentrain_training_emissions_grams_total{"); // no carbon, no grams
    }

    @Test
    void activeGaugeNeverGoesNegative() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(2));
        TrainingMetrics.CallMeters a = metrics.callMeters("tribuo", "A");
        TrainingMetrics.CallMeters b = metrics.callMeters("tribuo", "B");
        a.started();
        b.started();
        a.ended();
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"tribuo\"} 1.0");
        b.ended();
        a.ended();
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"tribuo\"} 0.0");
    }

    @Test
    void callMetersMadeBeforeAForecastExistedStillClearIt() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(5));
        TrainingMetrics.CallMeters meters = metrics.callMeters("dl4j", "MultiLayerNetwork");
        meters.started();
        meters.ended(); // no forecast yet: nothing to clear, nothing registered
        assertThat(registry.scrape()).doesNotContain("greentrain_training_forecast_energy_joules");
        meters.started();
        metrics.forecast("dl4j", "MultiLayerNetwork", 99.0, 1.0);
        assertThat(registry.scrape()).contains("greentrain_training_forecast_energy_joules{library=\"dl4j\",model=\"MultiLayerNetwork\"} 99.0");
        meters.ended();
        assertThat(registry.scrape()).contains("greentrain_training_forecast_energy_joules{library=\"dl4j\",model=\"MultiLayerNetwork\"} 0.0");
    }

    @Test
    void labelLimitIsValidated() {
        assertThatThrownBy(() -> new MetricLabels(0)).hasMessageContaining("0");
    }
}
