package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.TrainingCallListener;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Translates what the bridge saw (library, declaring type, method, receiver) into the exporter's plain
 * {@link CallStart}; the agent knows nothing about joules, the exporter nothing about bytecode.
 */
final class TrainingCallRecorder implements TrainingCallListener {

    private final TrainingCalls calls;
    private final CallDescriber describer = new CallDescriber();
    /** Calls in flight by model instance, so epoch events of a model find their call. */
    private final Map<ReceiverKey, Tracked> byReceiver = new ConcurrentHashMap<>();

    TrainingCallRecorder(TrainingCalls calls) {
        this.calls = calls;
    }

    @Override
    public Object callStarted(String library, String type, String method, Object receiver, Object[] args) {
        if (describer.isFanOut(library, receiver)) {
            return null;
        }
        Thread thread = Thread.currentThread();
        CallStart start = new CallStart(library, describer.model(type, receiver), simpleName(type) + "#" + method,
                thread.getName(), thread.getId(), describer.epochsPlanned(library, method, args),
                describer.dataFingerprint(args), describer.configFingerprint(receiver));
        Tracked tracked = new Tracked(calls.started(start), library, receiver);
        if (AgentLog.isDebug()) {
            AgentLog.debug("call started " + start);
        }
        describer.callStarted(library);
        if (receiver != null) {
            byReceiver.put(tracked.receiverKey, tracked);
        }
        return tracked;
    }

    @Override
    public void callEnded(Object handle, Throwable thrown) {
        Tracked tracked = (Tracked) handle;
        if (AgentLog.isDebug()) {
            AgentLog.debug("call ended " + tracked.library + (thrown == null ? " success" : " error " + thrown.getClass().getName()));
        }
        describer.callEnded(tracked.library);
        if (tracked.receiverKey != null) {
            byReceiver.remove(tracked.receiverKey, tracked);
        }
        calls.ended(tracked.handle, thrown == null ? TrainingCalls.SUCCESS : TrainingCalls.ERROR,
                thrown == null ? "" : thrown.getClass().getName());
    }

    @Override
    public void epochEnded(Object receiver) {
        Tracked tracked = receiver == null ? null : byReceiver.get(new ReceiverKey(receiver));
        if (tracked != null) {
            calls.epochEnded(tracked.handle, tracked.epochs.incrementAndGet());
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A call in flight as the bridge holds it. */
    static final class Tracked {
        final CallHandle handle;
        final String library;
        final ReceiverKey receiverKey;
        final AtomicInteger epochs = new AtomicInteger();

        Tracked(CallHandle handle, String library, Object receiver) {
            this.handle = handle;
            this.library = library;
            this.receiverKey = receiver == null ? null : new ReceiverKey(receiver);
        }
    }

    /**
     * Identity of a model instance without keeping it alive or calling its (possibly expensive or
     * overridden) hashCode/equals: the identity hash plus a weak reference.
     */
    static final class ReceiverKey {
        private final int identity;
        private final WeakReference<Object> ref;

        ReceiverKey(Object receiver) {
            this.identity = System.identityHashCode(receiver);
            this.ref = new WeakReference<>(receiver);
        }

        @Override
        public int hashCode() {
            return identity;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ReceiverKey)) {
                return false;
            }
            Object mine = ref.get();
            return mine != null && mine == ((ReceiverKey) other).ref.get();
        }
    }
}
