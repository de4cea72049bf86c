package io.greentrain.agent.instrumentation;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every library's training entry points (DL4J {@code fit}, Smile {@code fit}, Tribuo {@code train},
 * subset-core {@code select*}); only references the bridge and JDK types. The library's name is a constant bound per
 * library ({@link TrainingLibrary}); the receiver is the model, trainer or selector, or null for static entry points
 * (Smile's {@code fit}).
 */
public final class TrainingCallAdvice {

    private TrainingCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@TrainingLibrary String library, @Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                               @Advice.This(optional = true) Object receiver, @Advice.AllArguments Object[] args) {
        return TrainingCallBridge.enter(library, type, method, receiver, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        TrainingCallBridge.exit(token, thrown);
    }
}
