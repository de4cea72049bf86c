package io.greentrain.agent.instrumentation.dl4j;

import io.greentrain.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DefaultTrainer.fit(DataSet | MultiDataSet)}, the minibatch step of a ParallelWrapper worker
 * thread: it raises the thread's nesting depth, so the replica's {@code fit(DataSet)} inside counts as part of the
 * {@code ParallelWrapper.fit} call that fed the worker, not as a call of its own. Boot-loaded classes only.
 */
public final class Dl4jWorkerAdvice {

    private Dl4jWorkerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean enter() {
        CallDepth.increment();
        return true;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter boolean entered) {
        if (entered) {
            CallDepth.decrement();
        }
    }
}
