package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.exporter.records.CallRecord;
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

    @Test
    void finishedCallsShowUpUnderTheDocumentedNames() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(10));
        metrics.callFinished(call("dl4j", "MultiLayerNetwork", "success", 100, 50, new CarbonFigures("FR", 56, "table:owid-2023", 1, 0.25)));
        metrics.callFinished(call("dl4j", "MultiLayerNetwork", "error", 10, 0, new CarbonFigures("FR", 56, "table:owid-2023", 1, 0.5)));
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
        metrics.forecastCleared("smile", "RandomForest");
        assertThat(registry.scrape()).contains("greentrain_training_forecast_energy_joules{library=\"smile\",model=\"RandomForest\"} 0.0");
    }

    @Test
    void labelsStayBounded() {
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(2));
        for (String model : List.of("A", "B", "C", "D", "A")) {
            metrics.callFinished(call("weka", model, "killed", 1, 1, null));
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
        metrics.callStarted("tribuo");
        metrics.callStarted("tribuo");
        metrics.callEnded("tribuo");
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"tribuo\"} 1.0");
        metrics.callEnded("tribuo");
        metrics.callEnded("tribuo");
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"tribuo\"} 0.0");
    }

    @Test
    void labelLimitIsValidated() {
        assertThatThrownBy(() -> new MetricLabels(0)).hasMessageContaining("0");
    }
}
