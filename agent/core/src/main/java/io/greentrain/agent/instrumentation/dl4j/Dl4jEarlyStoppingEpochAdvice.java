package io.greentrain.agent.instrumentation.dl4j;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code BaseEarlyStoppingTrainer.triggerEpochListeners(boolean epochStart, Model, int)}: early stopping
 * fits minibatch by minibatch and fires the epoch events itself, so {@code incrementEpochCount()} is never reached.
 * Boot-loaded bridge and JDK types only.
 */
public final class Dl4jEarlyStoppingEpochAdvice {

    private Dl4jEarlyStoppingEpochAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object trainer, @Advice.Argument(0) boolean epochStart) {
        if (!epochStart) {
            TrainingCallBridge.epochEnded(trainer);
        }
    }
}
