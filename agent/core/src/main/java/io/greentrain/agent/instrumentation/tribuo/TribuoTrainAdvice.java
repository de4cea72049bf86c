package io.greentrain.agent.instrumentation.tribuo;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Tribuo trainers; may only reference the boot-loaded bridge and JDK types. */
public final class TribuoTrainAdvice {

    private TribuoTrainAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.This Object trainer, @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enter("tribuo", type, method, trainer, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exit(token, thrown);
    }
}
