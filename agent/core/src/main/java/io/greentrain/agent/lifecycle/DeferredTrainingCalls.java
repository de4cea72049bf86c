package io.greentrain.agent.lifecycle;

import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Bridges the few hundred milliseconds between a training library's first class and running sensors. The agent starts
 * its sensors on a background thread when that class loads; the first training call usually begins later (data is read,
 * a model is built), but a job that trains at once would otherwise find nothing to measure with.
 *
 * <p>Rule: a call that begins before the sensors are up waits for them, at most until {@code startup.wait} after
 * activation (one bounded wait per JVM, in practice a fraction of the sensors' start), so it is measured from its first
 * instruction. Only when that bound passes is it handed to the sensors when they come up, charged from then on (its
 * record starts at that moment and never claims more than was measured); a call that also ends before that cannot be
 * measured at all: it is counted and reported once
 * ({@code greentrain_agent_errors_total{component="attribution",reason="before_start"}}).
 *
 * <p>Two steps: {@link #measuring} (sensors and attributor up: records are held until the outputs are) and
 * {@link #observed} (outputs up: later calls also move the active-call meters).
 */
final class DeferredTrainingCalls implements TrainingCalls {

    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    private final long waitDeadlineNanos;
    private final LongSupplier nanoClock;
    private volatile TrainingCalls current;

    /** Calls never wait: each is charged from when the sensors are up. */
    DeferredTrainingCalls() {
        this(0, System::nanoTime);
    }

    /** @param waitNanos how long after now a call that begins may wait for the sensors */
    DeferredTrainingCalls(long waitNanos, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.waitDeadlineNanos = nanoClock.getAsLong() + Math.max(0, waitNanos);
    }

    /** The sensors are up (or, with {@link TrainingCalls#NONE}, will never be): calls in flight are measured from now. */
    void measuring(TrainingCalls measured) {
        int late;
        synchronized (lock) {
            for (Pending call : pending) {
                call.measured = measured.started(call.start);
                if (call.epochs > 0) {
                    measured.epochEnded(call.measured, call.epochs);
                }
            }
            late = pending.size();
            pending.clear();
            current = measured;
            lock.notifyAll();
        }
        if (late > 0 && measured != TrainingCalls.NONE) {
            AgentLog.info(late + " training call(s) began before measurement was ready; their records count energy from now on");
        }
    }

    /** The outputs are up: later calls go to {@code observedCalls}, which wraps the attributor given to {@link #measuring}. */
    void observed(TrainingCalls observedCalls) {
        synchronized (lock) {
            current = observedCalls;
            lock.notifyAll();
        }
    }

    @Override
    public CallHandle started(CallStart start) {
        return startedWithin(start, null);
    }

    /** A parent that was itself pending is passed on once it is measured; before that the child is a call of its own. */
    @Override
    public CallHandle startedWithin(CallStart start, CallHandle parent) {
        TrainingCalls measured = current;
        if (measured != null) {
            return startedWithin(measured, start, parent);
        }
        synchronized (lock) {
            awaitMeasurement();
            if (current != null) {
                return startedWithin(current, start, parent);
            }
            Pending call = new Pending(start);
            pending.add(call);
            return call;
        }
    }

    private static CallHandle startedWithin(TrainingCalls measured, CallStart start, CallHandle parent) {
        CallHandle measuredParent = parent instanceof Pending ? ((Pending) parent).measured : parent;
        return measuredParent == null ? measured.started(start) : measured.startedWithin(start, measuredParent);
    }

    /** Under the lock: waits until measurement is up or the deadline passes. */
    private void awaitMeasurement() {
        long remaining;
        while (current == null && (remaining = waitDeadlineNanos - nanoClock.getAsLong()) > 0) {
            try {
                lock.wait(Math.max(1, remaining / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the job's interrupt is kept; this call is charged from when sensors are up
                return;
            }
        }
    }

    @Override
    public void epochEnded(CallHandle call, int epochsCompleted) {
        if (!(call instanceof Pending)) {
            current.epochEnded(call, epochsCompleted);
            return;
        }
        Pending early = (Pending) call;
        synchronized (lock) {
            if (early.measured == null) {
                early.epochs = epochsCompleted;
                return;
            }
        }
        current.epochEnded(early.measured, epochsCompleted);
    }

    @Override
    public void ended(CallHandle call, String outcome, String errorType) {
        if (!(call instanceof Pending)) {
            current.ended(call, outcome, errorType);
            return;
        }
        Pending early = (Pending) call;
        synchronized (lock) {
            if (early.measured == null) {
                pending.remove(early);
                AgentLog.problem("attribution", "before_start", "a " + early.start.library() + " training call ended before "
                        + "measurement was ready (the sensors did not start within " + Options.STARTUP_WAIT.key() + "); it has no record");
                return;
            }
        }
        current.ended(early.measured, outcome, errorType);
    }

    /** The mini-batch path: only for calls that went to the measuring implementation; a pending call's run is described afresh. */
    @Override
    public CallHandle startedAgain(CallHandle previous, long rows) {
        TrainingCalls measured = current;
        if (measured == null || previous instanceof Pending) {
            return null;
        }
        return measured.startedAgain(previous, rows);
    }

    @Override
    public void scopeEnded(String key, boolean endsGroup) {
        TrainingCalls measured = current;
        if (measured != null) {
            measured.scopeEnded(key, endsGroup);
        }
    }

    /** A call that began before the sensors were up and did not wait for them. */
    private static final class Pending extends CallHandle {
        final CallStart start;
        CallHandle measured;
        int epochs;

        Pending(CallStart start) {
            this.start = start;
        }
    }
}
