package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.GreenTrainExporter;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import org.junit.jupiter.api.Test;

/** The exporter facade publishes the carbon meters and hands the agent the active-call decorator. */
class ExporterWiringTest {

    @Test
    void carbonMetersAndActiveCallsAreWired() {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.PROMETHEUS_ENABLED, false)
                .with(Options.RECORDS_FILE, "").with(Options.CARBON_ZONE, "NO-NO1").with(Options.CARBON_PUE, 1.3);
        try (GreenTrainExporter exporter = GreenTrainExporter.start(config)) {
            CallHandle call = exporter.trainingCalls().started(new CallStart("tribuo", "CARTClassificationTrainer",
                    "CARTClassificationTrainer#train", "main", 1, -1, "", ""));
            String running = exporter.registry().scrape();
            exporter.trainingCalls().ended(call, "success", "");
            assertThat(running).contains("greentrain_training_active{library=\"tribuo\"} 1.0")
                    .contains("greentrain_pue 1.3")
                    .contains("greentrain_grid_carbon_intensity_grams_per_kwh{source=\"table:entsoe-nordic-2024\",zone=\"NO-NO1\"}")
                    .contains("greentrain_process_emissions_grams_total");
            assertThat(exporter.registry().scrape()).contains("greentrain_training_active{library=\"tribuo\"} 0.0");
        }
    }
}
