package io.greentrain.exporter;

import static org.assertj.core.api.Assertions.assertThat;

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
        queue.accept(record("first"));
        queue.accept(record("second"));
        assertThat(published).isEmpty();
        queue.release(r -> published.add(r.model()), f -> { });
        queue.accept(record("third"));
        assertThat(queue.flush(5_000)).isTrue();
        assertThat(published).containsExactly("first", "second", "third");
        queue.close(1_000);
    }

    @Test
    void recordsArePublishedOnTheOutputsThreadNotTheCaller() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        queue.release(r -> threads.add(Thread.currentThread().getName()), f -> { });
        queue.accept(record("one"));
        assertThat(queue.flush(5_000)).isTrue();
        assertThat(threads).containsExactly("greentrain-outputs");
        queue.close(1_000);
    }

    @Test
    void aBacklogBeyondTheCapacityIsPublishedByTheCallerSoNothingIsLost() throws Exception {
        Object gate = new Object();
        boolean[] open = {false};
        queue.release(r -> {
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
        }, f -> { });
        int total = PublishQueue.CAPACITY + 500;
        for (int i = 0; i < total; i++) {
            queue.accept(record("r" + i));
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
        queue.release(r -> published.add(r.model()), f -> { });
        for (int i = 0; i < 100; i++) {
            queue.accept(record("r" + i));
        }
        queue.close(5_000);
        assertThat(published).hasSize(100);
    }

    private static CallRecord record(String model) {
        return new CallRecord("run", 1, "host", "main", "smile", model, "M#fit", "success", "", 0, 1, 0.001, 0, -1,
                List.of(), "", "", null);
    }
}
