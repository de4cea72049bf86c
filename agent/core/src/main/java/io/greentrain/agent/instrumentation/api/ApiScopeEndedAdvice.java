package io.greentrain.agent.instrumentation.api;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code GreenTrain.Scope.ended()}: the explicit run or group opened by {@link ApiScopeOpenedAdvice} ends. */
public final class ApiScopeEndedAdvice {

    private ApiScopeEndedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("agentToken") Object token) {
        TrainingCallBridge.scopeExit(token);
    }
}
