package io.greentrain.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.attribution.CallForecast;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.GroupEnd;
import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.attribution.RunSink;
import io.greentrain.exporter.records.CallRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishQueueTest {

    private final PublishQueue queue = new PublishQueue();
    private final List<String> published = Collections.synchronizedList(new ArrayList<>());

    @Test
    void recordsThatEndBeforeTheOutputsAreUpArePublishedInOrderOnceTheyAre() {
        queue.runFinished(record("first"), null);
        queue.runFinished(record("second"), null);
        assertThat(published).isEmpty();
        queue.release(sink(r -> published.add(r.model())));
        queue.runFinished(record("third"), null);
        assertThat(queue.flush(5_000)).isTrue();
        assertThat(published).containsExactly("first", "second", "third");
        queue.close(1_000);
    }

    @Test
    void recordsArePublishedOnTheOutputsThreadNotTheCaller() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        queue.release(sink(r -> threads.add(Thread.currentThread().getName())));
        queue.runFinished(record("one"), null);
        assertThat(queue.flush(5_000)).isTrue();
        assertThat(threads).containsExactly("greentrain-outputs");
        queue.close(1_000);
    }

    @Test
    void aBacklogBeyondTheCapacityIsPublishedByTheCallerSoNothingIsLost() throws Exception {
        Object gate = new Object();
        boolean[] open = {false};
        queue.release(sink(r -> {
            if (Thread.currentThread().getName().equals("greentrain-outputs")) {
                synchronized (gate) { // the outputs thread is stuck: the queue fills up
                    while (!open[0]) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
            published.add(r.model());
        }));
        int total = PublishQueue.CAPACITY + 500;
        for (int i = 0; i < total; i++) {
            queue.runFinished(record("r" + i), null);
        }
        assertThat(published).as("published by the callers while the outputs thread was stuck").hasSizeGreaterThanOrEqualTo(499);
        synchronized (gate) {
            open[0] = true;
            gate.notifyAll();
        }
        assertThat(queue.flush(10_000)).isTrue();
        assertThat(published.stream().collect(Collectors.toSet()))
                .isEqualTo(IntStream.range(0, total).mapToObj(i -> "r" + i).collect(Collectors.toSet()));
        queue.close(1_000);
    }

    @Test
    void closePublishesWhatIsStillQueued() {
        queue.release(sink(r -> published.add(r.model())));
        for (int i = 0; i < 100; i++) {
            queue.runFinished(record("r" + i), null);
        }
        queue.close(5_000);
        assertThat(published).hasSize(100);
    }

    /** A sink that hands each finished run to {@code runs}. */
    private static RunSink sink(java.util.function.Consumer<CallRecord> runs) {
        return new RunSink() {
            @Override
            public void runStarted(CallStart first, String runId) {
            }

            @Override
            public void runProgress(RunProgress progress) {
            }

            @Override
            public void runFinished(CallRecord run, RunProgress last) {
                runs.accept(run);
            }

            @Override
            public void callFinished(CallRecord call) {
            }

            @Override
            public void groupFinished(GroupEnd group) {
            }

            @Override
            public void forecast(CallForecast forecast) {
            }
        };
    }

    @Test
    void housekeepingRunsOnTheOutputsThread() throws Exception {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        queue.housekeeping(() -> threads.add(Thread.currentThread().getName()));
        queue.release(sink(r -> { }));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (threads.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threads).isNotEmpty().containsOnly("greentrain-outputs");
        queue.close(1_000);
    }

    private static CallRecord record(String model) {
        return new CallRecord("run", 1, "host", "main", "smile", model, "M#fit", "success", "", 0, 1, 0.001, 0, -1,
                List.of(), "", "", null);
    }
}
