package io.greentrain.exporter;

import io.greentrain.exporter.attribution.CallForecast;
import io.greentrain.exporter.metrics.DaemonThreads;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.status.AgentLog;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Between the attributor and the outputs: the training thread only hands a finished call's record (or an epoch's
 * forecast) to this queue; carbon, the records file's JSON line, the meters and the stderr line are done on
 * {@code greentrain-outputs}. Measurement is up before the outputs, so records that arrive first are kept, in order,
 * and published once {@link #release} names the outputs; forecasts made before then are dropped (the next epoch makes
 * a fresh one).
 *
 * <p>Bounded: a job that finishes calls faster than they can be written for long enough to fill
 * {@link #CAPACITY} entries loses the excess records, counted as {@code outputs/queue_full}, never its own speed.
 */
final class PublishQueue implements Consumer<CallRecord> {

    static final int CAPACITY = 65_536;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile Consumer<CallRecord> records;
    private volatile Consumer<CallForecast> forecasts;
    private volatile boolean closed;
    private Thread worker;

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
        accepted.incrementAndGet();
        if (!queue.offer(item)) {
            done.incrementAndGet();
            AgentLog.problem("outputs", "queue_full", "a finished call was not published: " + CAPACITY + " are still waiting to be written");
        }
    }

    /** The outputs are up: publishes what waited, in order, then everything that follows, on {@code greentrain-outputs}. */
    synchronized void release(Consumer<CallRecord> recordTarget, Consumer<CallForecast> forecastTarget) {
        records = recordTarget;
        forecasts = forecastTarget;
        worker = DaemonThreads.start("greentrain-outputs", this::publishUntilClosed);
    }

    private void publishUntilClosed() {
        while (!(closed && queue.isEmpty())) {
            try {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    publish(item);
                }
            } catch (InterruptedException e) {
                return;
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
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            try {
                running.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
