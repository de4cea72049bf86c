package io.greentrain.agent.instrumentation.smile;

import io.greentrain.agent.bootstrap.CallDepth;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the parallel-stream lambda bodies of {@code OneVersusRest}/{@code OneVersusOne} (one binary model per
 * class) and of the clustering multi-start {@code run}: it raises the executing thread's nesting depth, so a fit
 * running inside on a ForkJoin worker belongs to the outer call. Boot-loaded classes only.
 */
public final class SmileWorkerAdvice {

    private SmileWorkerAdvice() {
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
