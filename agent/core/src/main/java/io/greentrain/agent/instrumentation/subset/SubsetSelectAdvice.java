package io.greentrain.agent.instrumentation.subset;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into subset-core selection entry points; only references the boot-loaded bridge. */
public final class SubsetSelectAdvice {

    private SubsetSelectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.This(optional = true) Object selector, @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enter("subset", type, method, selector, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exit(token, thrown);
    }
}
