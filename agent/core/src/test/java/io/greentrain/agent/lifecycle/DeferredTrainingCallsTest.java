package io.greentrain.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeferredTrainingCallsTest {

    private final DeferredTrainingCalls deferred = new DeferredTrainingCalls();
    private final RecordingCalls exporter = new RecordingCalls();

    @Test
    void aCallInFlightWhenTheExporterComesUpIsMeasuredFromThenOn() {
        CallHandle early = deferred.started(start("tribuo"));
        deferred.epochEnded(early, 1);
        deferred.measuring(exporter);
        deferred.epochEnded(early, 2);
        deferred.ended(early, TrainingCalls.SUCCESS, "");

        assertThat(exporter.events).containsExactly("started tribuo", "epoch 1", "epoch 2", "ended success");
    }

    @Test
    void aChildOfABlockThatBeganBeforeTheSensorsIsStartedWithinTheBlocksMeasuredHandle() {
        CallHandle block = deferred.started(start("custom"));
        deferred.measuring(exporter);
        CallHandle fit = deferred.startedWithin(start("smile"), block);
        deferred.ended(fit, TrainingCalls.SUCCESS, "");
        deferred.ended(block, TrainingCalls.SUCCESS, "");
        assertThat(exporter.events).containsExactly("started custom", "started smile within custom", "ended success",
                "ended success");
    }

    @Test
    void callsAfterReadyGoStraightToTheExporter() {
        deferred.measuring(exporter);
        CallHandle call = deferred.started(start("dl4j"));
        deferred.ended(call, TrainingCalls.ERROR, "java.lang.IllegalStateException");
        assertThat(exporter.events).containsExactly("started dl4j", "ended error");
    }

    @Test
    void aCallThatEndsBeforeMeasurementIsReadyIsCountedNotRecorded() {
        long before = count();
        CallHandle early = deferred.started(start("smile"));
        deferred.ended(early, TrainingCalls.SUCCESS, "");
        deferred.measuring(exporter);

        assertThat(exporter.events).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aCallThatBeginsWhileTheSensorsStartWaitsForThemAndIsMeasuredFromItsStart() throws Exception {
        DeferredTrainingCalls waiting = new DeferredTrainingCalls(TimeUnit.SECONDS.toNanos(30), System::nanoTime);
        Thread sensors = new Thread(() -> {
            sleep(200);
            waiting.measuring(exporter);
        });
        sensors.start();
        long before = System.nanoTime();
        CallHandle call = waiting.started(start("smile"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        waiting.ended(call, TrainingCalls.SUCCESS, "");
        sensors.join();

        assertThat(waitedMillis).as("waited for the sensors").isGreaterThanOrEqualTo(150);
        assertThat(exporter.events).containsExactly("started smile", "ended success");
    }

    @Test
    void theWaitIsBoundedAfterwhichCallsAreChargedFromWhenSensorsAreUp() {
        long[] clock = {0};
        DeferredTrainingCalls bounded = new DeferredTrainingCalls(TimeUnit.MILLISECONDS.toNanos(50), () -> clock[0]);
        clock[0] = TimeUnit.MILLISECONDS.toNanos(51); // the bound has passed: no wait at all
        CallHandle early = bounded.started(start("tribuo"));
        assertThat(exporter.events).isEmpty();
        bounded.measuring(exporter);
        bounded.ended(early, TrainingCalls.SUCCESS, "");
        assertThat(exporter.events).containsExactly("started tribuo", "ended success");
    }

    @Test
    void callsAfterTheOutputsAreUpGoToTheObservedCalls() {
        RecordingCalls observed = new RecordingCalls();
        deferred.measuring(exporter);
        CallHandle measuredOnly = deferred.started(start("dl4j"));
        deferred.observed(observed);
        CallHandle later = deferred.started(start("smile"));
        deferred.ended(measuredOnly, TrainingCalls.SUCCESS, "");
        deferred.ended(later, TrainingCalls.SUCCESS, "");
        assertThat(exporter.events).containsExactly("started dl4j");
        assertThat(observed.events).containsExactly("started smile", "ended success", "ended success");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

        final java.util.Map<CallHandle, String> libraries = new java.util.HashMap<>();

        @Override
        public CallHandle started(CallStart start) {
            events.add("started " + start.library());
            return handle(start);
        }

        @Override
        public CallHandle startedWithin(CallStart start, CallHandle parent) {
            events.add("started " + start.library() + " within " + libraries.get(parent));
            return handle(start);
        }

        private CallHandle handle(CallStart start) {
            CallHandle handle = new CallHandle() { };
            libraries.put(handle, start.library());
            return handle;
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
