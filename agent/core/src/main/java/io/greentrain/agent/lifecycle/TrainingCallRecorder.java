package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.TrainingCallListener;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Translates what the bridge saw (library, declaring type, method, receiver, arguments) into the exporter's plain
 * {@link CallStart}; the agent knows nothing about joules, the exporter nothing about bytecode.
 *
 * <p>One record per call the user made. The bridge reports only the outermost intercepted call of a thread (nesting on
 * one thread counts once). Fan-out to other threads counts once because the libraries' own worker tasks (ParallelWrapper
 * trainers, Smile's OneVersusRest/OneVersusOne and multi-start lambdas) raise their thread's nesting depth: the fits
 * they run never reach this class. Everything else on another thread is a call of its own, so calls that an
 * application runs concurrently on its threads (or its own ForkJoin tasks) are counted one by one.
 *
 * <p>Epochs: an epoch boundary belongs to the call in flight on the thread where it happens (DL4J fires them on the
 * thread that called {@code fit}); boundaries on threads without a call (a ParallelWrapper replica, a user calling
 * {@code incrementEpochCount()} outside training) are ignored.
 */
final class TrainingCallRecorder implements TrainingCallListener {

    private final TrainingCalls calls;
    private final CallDescriber describer = new CallDescriber();
    /** The outermost call in flight on each thread (the bridge reports only outermost calls, so no stack is needed). */
    private final ThreadLocal<Tracked> current = new ThreadLocal<>();
    /** Every call in flight, so that a JVM shutting down (SIGTERM, System.exit) can record them as interrupted. */
    private final Set<Tracked> inFlight = ConcurrentHashMap.newKeySet();

    TrainingCallRecorder(TrainingCalls calls) {
        this.calls = calls;
    }

    @Override
    public Object callStarted(String library, String type, String method, Object receiver, Object[] args) {
        Thread thread = Thread.currentThread();
        CallStart start = new CallStart(library, describer.model(library, type, receiver, args), simpleName(type) + "#" + method,
                thread.getName(), thread.getId(), describer.epochsPlanned(library, method, args),
                describer.dataFingerprint(args), describer.configFingerprint(library, receiver, args));
        Tracked tracked = new Tracked(calls.started(start), library, current.get());
        current.set(tracked);
        inFlight.add(tracked);
        if (AgentLog.isDebug()) {
            AgentLog.debug("call started " + start + " epochsPlanned=" + start.epochsPlanned()
                    + " data=" + start.dataFingerprint() + " config=" + start.configFingerprint());
        }
        return tracked;
    }

    @Override
    public void callEnded(Object handle, Throwable thrown) {
        Tracked tracked = (Tracked) handle;
        if (current.get() == tracked) {
            if (tracked.outer == null) {
                current.remove();
            } else {
                current.set(tracked.outer);
            }
        }
        inFlight.remove(tracked);
        if (!tracked.ended.compareAndSet(false, true)) {
            return; // already recorded as interrupted by a JVM shutdown
        }
        if (AgentLog.isDebug()) {
            AgentLog.debug("call ended " + tracked.library + (thrown == null ? " success" : " error " + thrown.getClass().getName())
                    + " epochs=" + tracked.epochs);
        }
        calls.ended(tracked.handle, thrown == null ? TrainingCalls.SUCCESS : TrainingCalls.ERROR,
                thrown == null ? "" : thrown.getClass().getName());
    }

    @Override
    public void epochEnded(Object receiver) {
        Tracked tracked = current.get();
        if (tracked != null) {
            tracked.epochs++;
            calls.epochEnded(tracked.handle, tracked.epochs);
        }
    }

    /**
     * The JVM is shutting down while these calls still run (SIGTERM, {@code System.exit} on another thread): ends each
     * as {@link TrainingCalls#INTERRUPTED}, charged up to now. A call that then returns normally is not ended twice.
     */
    void interruptCallsInFlight() {
        for (Tracked tracked : inFlight) {
            inFlight.remove(tracked);
            if (tracked.ended.compareAndSet(false, true)) {
                calls.ended(tracked.handle, TrainingCalls.INTERRUPTED, "");
            }
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A call in flight as the bridge holds it; touched only by the thread that made the call (but {@link #ended}). */
    static final class Tracked {
        final CallHandle handle;
        final String library;
        /**
         * A call already in flight on this thread when this one started: only possible when the depth was unwound by an
         * exception inside the agent itself; kept so that the outer call gets its epochs back.
         */
        final Tracked outer;
        /** Set by whoever ends the call first: its own thread, or the shutdown hook. */
        final AtomicBoolean ended = new AtomicBoolean();
        int epochs;

        Tracked(CallHandle handle, String library, Tracked outer) {
            this.handle = handle;
            this.library = library;
            this.outer = outer;
        }
    }
}
