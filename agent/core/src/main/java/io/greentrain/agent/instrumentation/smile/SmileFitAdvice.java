package io.greentrain.agent.instrumentation.smile;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Smile's static model-returning {@code fit} methods; may only reference the boot-loaded bridge and JDK types. */
public final class SmileFitAdvice {

    private SmileFitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enter("smile", type, method, null, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exit(token, thrown);
    }
}
