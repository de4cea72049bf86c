package io.greentrain.agent.instrumentation.api;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code GreenTrain.measure/run}; only references the bridge and JDK types. A block is reported without
 * raising the call depth: the library calls inside it are its children, not swallowed.
 */
public final class ApiMeasureAdvice {

    private ApiMeasureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enterBlock(type, method, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exitBlock(token, thrown);
    }
}
