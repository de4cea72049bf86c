package io.greentrain.agent.lifecycle;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges the second or so between {@code premain} and a running exporter (sensors, registry and endpoint start on
 * a background thread so that the job never waits for them). Instrumentation is live from {@code premain} on, so
 * a job that trains at once would otherwise lose its first calls.
 *
 * <p>Rule: a call that starts before measurement is ready is handed to the exporter the moment it becomes ready,
 * and is charged the energy from then on (its record starts at that moment, so the record never claims more
 * than was measured). A call that both starts and ends before that cannot be measured at all: it is counted and
 * reported once ({@code greentrain_agent_errors_total{component="attribution",reason="before_start"}}).
 */
final class DeferredTrainingCalls implements TrainingCalls {

    private final Object lock = new Object();
    private volatile TrainingCalls exporter;
    private final List<Pending> pending = new ArrayList<>();

    /** The exporter is up: calls in flight start being measured now, later calls go straight to it. */
    void ready(TrainingCalls measured) {
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
            exporter = measured;
        }
        if (late > 0) {
            AgentLog.info(late + " training call(s) began before measurement was ready; their records count energy from now on");
        }
    }

    @Override
    public CallHandle started(CallStart start) {
        TrainingCalls measured = exporter;
        if (measured != null) {
            return measured.started(start);
        }
        synchronized (lock) {
            if (exporter != null) {
                return exporter.started(start);
            }
            Pending call = new Pending(start);
            pending.add(call);
            return call;
        }
    }

    @Override
    public void epochEnded(CallHandle call, int epochsCompleted) {
        if (!(call instanceof Pending)) {
            exporter.epochEnded(call, epochsCompleted);
            return;
        }
        Pending early = (Pending) call;
        synchronized (lock) {
            if (early.measured == null) {
                early.epochs = epochsCompleted;
                return;
            }
        }
        exporter.epochEnded(early.measured, epochsCompleted);
    }

    @Override
    public void ended(CallHandle call, String outcome, String errorType) {
        if (!(call instanceof Pending)) {
            exporter.ended(call, outcome, errorType);
            return;
        }
        Pending early = (Pending) call;
        synchronized (lock) {
            if (early.measured == null) {
                pending.remove(early);
                AgentLog.problem("attribution", "before_start", "a " + early.start.library() + " training call ended before "
                        + "measurement was ready (the agent starts its sensors in the background); it has no record");
                return;
            }
        }
        exporter.ended(early.measured, outcome, errorType);
    }

    /** A call that began before the exporter was ready. */
    private static final class Pending extends CallHandle {
        final CallStart start;
        CallHandle measured;
        int epochs;

        Pending(CallStart start) {
            this.start = start;
        }
    }
}
