package io.greentrain.exporter;

import io.greentrain.exporter.attribution.CallForecast;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.GroupEnd;
import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.attribution.RunSink;
import io.greentrain.exporter.threads.DaemonThreads;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.status.AgentLog;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Between the attributor and the outputs: the training thread only hands a finished run's record (or a call's, a group
 * end, an epoch's forecast, a run's progress) to this queue; carbon, the records file's JSON line, the meters and the
 * stderr line are done on {@code greentrain-outputs}, which also runs the attributor's housekeeping
 * ({@link #housekeeping}) every poll. Measurement is up before the outputs, so records that arrive first are kept, in
 * order, and published once {@link #release} names the outputs; forecasts and progress made before then are dropped
 * (the next epoch or interval makes a fresh one).
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
final class PublishQueue implements RunSink {

    static final int CAPACITY = 4_096;
    static final long POLL_MILLIS = 50;

    private final Queue<Consumer<RunSink>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile RunSink target;
    private volatile Runnable housekeeping = () -> { };
    private volatile boolean closed;
    private volatile Thread worker;

    @Override
    public void runStarted(CallStart first, String runId) {
        offer(sink -> sink.runStarted(first, runId));
    }

    @Override
    public void runFinished(CallRecord run, RunProgress last) {
        offer(sink -> sink.runFinished(run, last));
    }

    @Override
    public void callFinished(CallRecord call) {
        offer(sink -> sink.callFinished(call));
    }

    @Override
    public void groupFinished(GroupEnd group) {
        offer(sink -> sink.groupFinished(group));
    }

    @Override
    public void runProgress(RunProgress progress) {
        if (target != null) {
            offer(sink -> sink.runProgress(progress));
        }
    }

    @Override
    public void forecast(CallForecast forecast) {
        if (target != null) {
            offer(sink -> sink.forecast(forecast));
        }
    }

    /** Run on {@code greentrain-outputs} at every poll (the attributor's tick); it may offer items itself. */
    void housekeeping(Runnable task) {
        housekeeping = task;
    }

    private void offer(Consumer<RunSink> item) {
        if (closed) {
            return;
        }
        long waiting = accepted.incrementAndGet() - done.get();
        if (waiting > CAPACITY && target != null) {
            publish(item); // caller runs: back-pressure instead of an unbounded queue or a lost record
            return;
        }
        queue.offer(item);
    }

    /** The outputs are up: publishes what waited, in order, then everything that follows, on {@code greentrain-outputs}. */
    void release(RunSink outputs) {
        target = outputs;
        worker = DaemonThreads.start("greentrain-outputs", this::publishUntilClosed);
    }

    private void publishUntilClosed() {
        long nextHousekeeping = System.nanoTime();
        while (!(closed && queue.isEmpty())) {
            if (!closed && System.nanoTime() - nextHousekeeping >= 0) {
                nextHousekeeping = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
                try {
                    housekeeping.run();
                } catch (Throwable t) {
                    AgentLog.problem("outputs", "housekeeping_failed", "run housekeeping failed: " + t.getClass().getSimpleName());
                }
            }
            Consumer<RunSink> item = queue.poll();
            if (item != null) {
                publish(item);
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            }
        }
    }

    private void publish(Consumer<RunSink> item) {
        try {
            item.accept(target);
        } catch (Throwable t) {
            AgentLog.problem("outputs", "publish_failed", "a finished run was not published: " + t.getClass().getSimpleName());
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
