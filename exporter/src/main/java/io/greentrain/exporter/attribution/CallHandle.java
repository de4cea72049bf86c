package io.greentrain.exporter.attribution;

/**
 * Opaque token for one training call in flight. Implementations of {@link TrainingCalls} subclass it
 * to keep their per-call state; the agent only passes it back.
 */
public class CallHandle {

    /** A call nobody is tracking (exporter not started yet, or disabled). */
    public static final CallHandle UNTRACKED = new CallHandle();

    protected CallHandle() {
    }
}
