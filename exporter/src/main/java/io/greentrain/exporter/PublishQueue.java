package io.greentrain.exporter;

import io.greentrain.exporter.attribution.CallForecast;
import io.greentrain.exporter.metrics.DaemonThreads;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.status.AgentLog;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Between the attributor and the outputs: the training thread only hands a finished call's record (or an epoch's
 * forecast) to this queue; carbon, the records file's JSON line, the meters and the stderr line are done on
 * {@code greentrain-outputs}. Measurement is up before the outputs, so records that arrive first are kept, in order,
 * and published once {@link #release} names the outputs; forecasts made before then are dropped (the next epoch makes
 * a fresh one).
 *
 * <p>The hand-off is a lock-free enqueue and never wakes a thread: waking the publisher for every call costs the training
 * thread a system call (measured: a blocking queue made an instrumented call several microseconds slower). The
 * publisher polls every {@link #POLL_MILLIS} ms instead, so a record reaches its outputs that much later.
 *
 * <p>Bounded without losing anything: when {@link #CAPACITY} items wait (a job finishing calls faster than they can be
 * written), the training thread publishes its own record, as it would without the queue (the outputs are thread-safe),
 * so memory stays flat and the job is slowed only as much as writing its records costs. Before the outputs are up
 * records can only wait; that is the sensors' start-up, a second or so.
 */
final class PublishQueue implements Consumer<CallRecord> {

    static final int CAPACITY = 4_096;
    static final long POLL_MILLIS = 50;

    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile Consumer<CallRecord> records;
    private volatile Consumer<CallForecast> forecasts;
    private volatile boolean closed;
    private volatile Thread worker;

    @Override
    public void accept(CallRecord record) {
        offer(record);
    }

    void forecast(CallForecast forecast) {
        if (forecasts != null) {
            offer(forecast);
        }
    }

    private void offer(Object item) {
        if (closed) {
            return;
        }
        long waiting = accepted.incrementAndGet() - done.get();
        if (waiting > CAPACITY && records != null) {
            publish(item); // caller runs: back-pressure instead of an unbounded queue or a lost record
            return;
        }
        queue.offer(item);
    }

    /** The outputs are up: publishes what waited, in order, then everything that follows, on {@code greentrain-outputs}. */
    void release(Consumer<CallRecord> recordTarget, Consumer<CallForecast> forecastTarget) {
        records = recordTarget;
        forecasts = forecastTarget;
        worker = DaemonThreads.start("greentrain-outputs", this::publishUntilClosed);
    }

    private void publishUntilClosed() {
        while (!(closed && queue.isEmpty())) {
            Object item = queue.poll();
            if (item != null) {
                publish(item);
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            }
        }
    }

    private void publish(Object item) {
        try {
            if (item instanceof CallRecord) {
                records.accept((CallRecord) item);
            } else {
                forecasts.accept((CallForecast) item);
            }
        } catch (Throwable t) {
            AgentLog.problem("outputs", "publish_failed", "a finished call was not published: " + t.getClass().getSimpleName());
        } finally {
            done.incrementAndGet();
        }
    }

    /** Waits until everything accepted so far is published (or {@code timeoutMillis} pass); false on timeout. */
    boolean flush(long timeoutMillis) {
        long target = accepted.get();
        Thread running = worker;
        if (running != null) {
            LockSupport.unpark(running); // publish now rather than at the next poll
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (done.get() < target) {
            if (worker == null || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Publishes what is queued (at most {@code timeoutMillis}), then stops the thread; later records are dropped. */
    void close(long timeoutMillis) {
        flush(timeoutMillis);
        closed = true;
        Thread running = worker;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
