package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedTrainingCallsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(5));

    private static CallStart start(String library, String model) {
        return new CallStart(library, model, model + "#fit", "main", 1, 3, "", "");
    }

    /** Records what reaches the attributor. */
    static final class RecordingCalls implements TrainingCalls {
        final List<String> events = new ArrayList<>();
        final CallHandle handle = new CallHandle() { };

        @Override
        public CallHandle started(CallStart start) {
            events.add("started " + start.model());
            return handle;
        }

        @Override
        public void epochEnded(CallHandle call, int epochsCompleted) {
            events.add("epoch " + epochsCompleted + (call == handle ? " own-handle" : " foreign-handle"));
        }

        @Override
        public void ended(CallHandle call, String outcome, String errorType) {
            events.add("ended " + outcome + (call == handle ? " own-handle" : " foreign-handle"));
        }
    }

    @Test
    void countsActiveCallsAndEpochsAndPassesTheDelegatesHandleThrough() {
        RecordingCalls attributor = new RecordingCalls();
        TrainingCalls calls = new ObservedTrainingCalls(attributor, metrics);
        CallHandle call = calls.started(start("dl4j", "MultiLayerNetwork"));
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"dl4j\"} 1.0");
        calls.epochEnded(call, 1);
        calls.epochEnded(call, 2);
        metrics.forecast("dl4j", "MultiLayerNetwork", 900, 3);
        calls.ended(call, TrainingCalls.SUCCESS, "");
        calls.ended(call, TrainingCalls.SUCCESS, ""); // a duplicate end must not drive the gauge below zero
        String scrape = registry.scrape();
        assertThat(scrape).contains("greentrain_training_active{library=\"dl4j\"} 0.0")
                .contains("greentrain_training_epochs_total{library=\"dl4j\",model=\"MultiLayerNetwork\"} 2.0")
                .contains("greentrain_training_forecast_energy_joules{library=\"dl4j\",model=\"MultiLayerNetwork\"} 0.0");
        assertThat(attributor.events).containsExactly("started MultiLayerNetwork", "epoch 1 own-handle", "epoch 2 own-handle",
                "ended success own-handle", "ended success own-handle");
    }

    @Test
    void aThrowingAttributorNeverReachesTheTrainingThread() {
        TrainingCalls broken = new TrainingCalls() {
            @Override
            public CallHandle started(CallStart start) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void epochEnded(CallHandle call, int epochsCompleted) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void ended(CallHandle call, String outcome, String errorType) {
                throw new OutOfMemoryError("simulated");
            }
        };
        TrainingCalls calls = new ObservedTrainingCalls(broken, metrics);
        assertThatCode(() -> {
            CallHandle call = calls.started(start("smile", "RandomForest"));
            calls.epochEnded(call, 1);
            calls.ended(call, TrainingCalls.ERROR, "java.lang.RuntimeException");
            calls.ended(CallHandle.UNTRACKED, TrainingCalls.ERROR, "");
        }).doesNotThrowAnyException();
        assertThat(registry.scrape()).contains("greentrain_training_active{library=\"smile\"} 0.0");
    }
}
