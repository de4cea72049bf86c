package io.greentrain.agent.instrumentation;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import io.greentrain.agent.bootstrap.TrainingCallListener;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a library's cross-validation and search helpers (Tribuo {@code CrossValidation.evaluate}, Smile's
 * {@code CrossValidation}, {@code Bootstrap} and {@code LOOCV}): the training calls they make form one group. May only
 * reference the boot-loaded bridge and JDK types.
 */
public final class GroupScopeAdvice {

    private GroupScopeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.Origin("#t") String type) {
        return TrainingCallBridge.scopeEnter(TrainingCallListener.LIBRARY_GROUP_SCOPE, type);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        TrainingCallBridge.scopeExit(token);
    }
}
