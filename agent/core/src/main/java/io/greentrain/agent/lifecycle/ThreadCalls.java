package io.greentrain.agent.lifecycle;

import io.greentrain.exporter.attribution.CallHandle;
import java.lang.ref.WeakReference;

/**
 * What the recorder keeps per thread, in one object so a call costs one {@link ThreadLocal} read: the call in flight,
 * the last call's receiver and handle (the mini-batch fast path), and the scopes open on the thread. Touched only by
 * its own thread.
 */
final class ThreadCalls {

    /**
     * The innermost call in flight: the outermost library call, or a user's block, or a library call inside that block
     * (linked to the block through {@code outer}).
     */
    TrainingCallRecorder.Tracked current;
    /** The call in flight when the last described call began (its parent): the fast path needs the same parent. */
    TrainingCallRecorder.Tracked lastParent;
    /** The previous call's model or trainer (weak: a finished model must stay collectable), entry point and handle. */
    WeakReference<Object> lastReceiver;
    String lastEntryPoint;
    /** That call's argument count and first argument's class: another overload or kind of data is described afresh. */
    int lastArgCount;
    Class<?> lastFirstArgType;
    CallHandle lastHandle;
    /** How that run's first call was described (for debug lines of the calls that continue it). */
    io.greentrain.exporter.attribution.CallStart lastStart;
    /** The scopes when that call began: a scope opened or closed since makes the next call describe itself afresh. */
    RunScopes.Scope lastScope;
    /** The innermost open scope (explicit run or group, library cross-validation), linked to the scopes around it. */
    RunScopes.Scope innermost;
    /** A library group that ended its scope on this thread but may go on (a search running one cross-validation per configuration). */
    String lingeringGroupKey;

    /** Forgets the fast path (its run ended or the scopes changed). */
    void forgetLastCall() {
        lastReceiver = null;
        lastEntryPoint = null;
        lastHandle = null;
        lastScope = null;
        lastStart = null;
        lastFirstArgType = null;
        lastParent = null;
    }
}
