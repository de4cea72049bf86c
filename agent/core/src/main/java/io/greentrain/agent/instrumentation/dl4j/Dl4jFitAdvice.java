package io.greentrain.agent.instrumentation.dl4j;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into DL4J fit methods; may only reference the boot-loaded bridge and JDK types. */
public final class Dl4jFitAdvice {

    private Dl4jFitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.This Object model, @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enter("dl4j", type, method, model, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exit(token, thrown);
    }
}
