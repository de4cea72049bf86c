package io.greentrain.exporter.outputs;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A {@link TrainingCalls} decorator that publishes what is known while calls run: {@code greentrain_training_active}
 * per library (up on {@code started}, down exactly once on {@code ended}) and {@code greentrain_training_epochs_total}
 * per epoch; on {@code ended} it clears the call's forecast gauges. Everything else goes to the wrapped
 * implementation (the attributor). Like every {@code TrainingCalls}, it never throws into the training thread.
 */
public final class ObservedTrainingCalls implements TrainingCalls {

    private final TrainingCalls delegate;
    private final TrainingMetrics metrics;

    public ObservedTrainingCalls(TrainingCalls delegate, TrainingMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Our handle: the delegate's handle plus the meters its end updates (shared by the calls of one run). */
    static final class ObservedCall extends CallHandle {
        private static final AtomicIntegerFieldUpdater<ObservedCall> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(ObservedCall.class, "ended");
        final CallHandle inner;
        final TrainingMetrics.CallMeters meters;
        private volatile int ended;

        ObservedCall(CallHandle inner, TrainingMetrics.CallMeters meters) {
            this.inner = inner;
            this.meters = meters;
        }

        /** True the first time only: the end of a call may be reported by its thread and by the exit hook. */
        boolean end() {
            return ENDED.compareAndSet(this, 0, 1);
        }
    }

    @Override
    public CallHandle started(CallStart start) {
        return startedWithin(start, null);
    }

    @Override
    public CallHandle startedWithin(CallStart start, CallHandle parent) {
        CallHandle inner = CallHandle.UNTRACKED;
        try {
            CallHandle innerParent = parent instanceof ObservedCall ? ((ObservedCall) parent).inner : parent;
            inner = innerParent == null ? delegate.started(start) : delegate.startedWithin(start, innerParent);
        } catch (Throwable t) {
            AgentLog.problem("attribution", "started_failed", "call start not attributed: " + t.getClass().getSimpleName());
        }
        try {
            TrainingMetrics.CallMeters meters = metrics.callMeters(start.library(), start.model());
            meters.started();
            return new ObservedCall(inner == null ? CallHandle.UNTRACKED : inner, meters);
        } catch (Throwable t) {
            AgentLog.problem("outputs", "active_failed", "active-call gauge not updated: " + t.getClass().getSimpleName());
            return inner == null ? CallHandle.UNTRACKED : inner;
        }
    }

    @Override
    public CallHandle startedAgain(CallHandle previous, long rows) {
        if (!(previous instanceof ObservedCall)) {
            return null;
        }
        ObservedCall before = (ObservedCall) previous;
        CallHandle inner;
        try {
            inner = delegate.startedAgain(before.inner, rows);
        } catch (Throwable t) {
            AgentLog.problem("attribution", "started_failed", "call start not attributed: " + t.getClass().getSimpleName());
            return null;
        }
        if (inner == null) {
            return null;
        }
        try {
            before.meters.started();
        } catch (Throwable t) {
            AgentLog.problem("outputs", "active_failed", "active-call gauge not updated: " + t.getClass().getSimpleName());
        }
        return new ObservedCall(inner, before.meters);
    }

    @Override
    public void scopeEnded(String key, boolean endsGroup) {
        try {
            delegate.scopeEnded(key, endsGroup);
        } catch (Throwable t) {
            AgentLog.problem("attribution", "scope_failed", "scope end not attributed: " + t.getClass().getSimpleName());
        }
    }

    @Override
    public void epochEnded(CallHandle call, int epochsCompleted) {
        CallHandle inner = call;
        try {
            if (call instanceof ObservedCall) {
                ObservedCall observed = (ObservedCall) call;
                inner = observed.inner;
                observed.meters.epochEnded();
            }
        } catch (Throwable t) {
            AgentLog.problem("outputs", "epochs_failed", "epoch counter not updated: " + t.getClass().getSimpleName());
        }
        try {
            delegate.epochEnded(inner, epochsCompleted);
        } catch (Throwable t) {
            AgentLog.problem("attribution", "epoch_failed", "epoch not attributed: " + t.getClass().getSimpleName());
        }
    }

    @Override
    public void ended(CallHandle call, String outcome, String errorType) {
        CallHandle inner = call;
        try {
            if (call instanceof ObservedCall) {
                ObservedCall observed = (ObservedCall) call;
                inner = observed.inner;
                if (observed.end()) {
                    observed.meters.ended();
                }
            }
        } catch (Throwable t) {
            AgentLog.problem("outputs", "active_failed", "active-call gauge not updated: " + t.getClass().getSimpleName());
        }
        try {
            delegate.ended(inner, outcome, errorType);
        } catch (Throwable t) {
            AgentLog.problem("attribution", "ended_failed", "call end not attributed: " + t.getClass().getSimpleName());
        }
    }
}
