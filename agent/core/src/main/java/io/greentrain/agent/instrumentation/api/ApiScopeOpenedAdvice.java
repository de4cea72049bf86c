package io.greentrain.agent.instrumentation.api;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code GreenTrain.Scope.opened()}: opens the explicit run or group and keeps the agent's token in the
 * scope's own field, so that closing it (on any thread) ends exactly that scope.
 */
public final class ApiScopeOpenedAdvice {

    private ApiScopeOpenedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("kind") String kind, @Advice.FieldValue("name") String name,
                            @Advice.FieldValue(value = "agentToken", readOnly = false) Object token) {
        token = TrainingCallBridge.scopeEnter(kind, name);
    }
}
