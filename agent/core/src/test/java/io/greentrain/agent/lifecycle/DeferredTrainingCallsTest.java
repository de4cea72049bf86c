package io.greentrain.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredTrainingCallsTest {

    private final DeferredTrainingCalls deferred = new DeferredTrainingCalls();
    private final RecordingCalls exporter = new RecordingCalls();

    @Test
    void aCallInFlightWhenTheExporterComesUpIsMeasuredFromThenOn() {
        CallHandle early = deferred.started(start("tribuo"));
        deferred.epochEnded(early, 1);
        deferred.ready(exporter);
        deferred.epochEnded(early, 2);
        deferred.ended(early, TrainingCalls.SUCCESS, "");

        assertThat(exporter.events).containsExactly("started tribuo", "epoch 1", "epoch 2", "ended success");
    }

    @Test
    void callsAfterReadyGoStraightToTheExporter() {
        deferred.ready(exporter);
        CallHandle call = deferred.started(start("dl4j"));
        deferred.ended(call, TrainingCalls.ERROR, "java.lang.IllegalStateException");
        assertThat(exporter.events).containsExactly("started dl4j", "ended error");
    }

    @Test
    void aCallThatEndsBeforeMeasurementIsReadyIsCountedNotRecorded() {
        long before = count();
        CallHandle early = deferred.started(start("smile"));
        deferred.ended(early, TrainingCalls.SUCCESS, "");
        deferred.ready(exporter);

        assertThat(exporter.events).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
    }

    private static long count() {
        var counter = AgentLog.problemCounts().get("attribution\u0000before_start");
        return counter == null ? 0 : counter.get();
    }

    private static CallStart start(String library) {
        return new CallStart(library, "Model", "Model#fit", "main", 1, -1, "", "");
    }

    private static final class RecordingCalls implements TrainingCalls {
        final List<String> events = new ArrayList<>();

        @Override
        public CallHandle started(CallStart start) {
            events.add("started " + start.library());
            return new CallHandle() { };
        }

        @Override
        public void epochEnded(CallHandle call, int epochsCompleted) {
            events.add("epoch " + epochsCompleted);
        }

        @Override
        public void ended(CallHandle call, String outcome, String errorType) {
            events.add("ended " + outcome);
        }
    }
}
