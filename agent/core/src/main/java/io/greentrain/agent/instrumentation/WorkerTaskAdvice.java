package io.greentrain.agent.instrumentation;

import io.greentrain.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a library's own worker tasks, the fan-out of one training call to other threads: DL4J's
 * {@code DefaultTrainer.fit(DataSet | MultiDataSet)} (a ParallelWrapper worker's minibatch step), Smile's
 * {@code OneVersusRest}/{@code OneVersusOne} lambdas (one binary model per class) and the clustering multi-start
 * {@code run}. It raises the executing thread's nesting depth, so the fits inside belong to the call that started the
 * task, not calls of their own. Boot-loaded classes only.
 */
public final class WorkerTaskAdvice {

    private WorkerTaskAdvice() {
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
