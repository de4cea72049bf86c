package io.greentrain.agent.instrumentation.dl4j;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code MultiLayerNetwork/ComputationGraph.incrementEpochCount()}, which their iterator fits call once at
 * the end of every pass. The epoch is counted for the call running on this thread (none: ignored, e.g. a replica on a
 * ParallelWrapper worker or a user calling it outside training). Boot-loaded bridge and JDK types only.
 */
public final class Dl4jEpochAdvice {

    private Dl4jEpochAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object model) {
        TrainingCallBridge.epochEnded(model);
    }
}
