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
import java.util.List;
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
