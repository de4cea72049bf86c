package io.greentrain.agent.instrumentation;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * What every advice does with a throwable it did not catch itself: hands it to the boot-loaded
 * {@link TrainingCallBridge#adviceFailed(Throwable)} (which counts it in {@code greentrain_agent_errors_total{component="advice"}}
 * and logs the first), then lets the instrumented method go on as if the advice were absent. Byte Buddy's own
 * {@code SUPPRESSING} handler would pop it silently. The handler is bytecode inlined into the library's class, so the
 * method it calls must be visible from every class loader: hence the bridge on the boot class path.
 */
final class AdviceFailures {

    /** Consumes the throwable on the operand stack by passing it to the bridge. */
    static final Advice.ExceptionHandler HANDLER = handler();

    private AdviceFailures() {
    }

    private static Advice.ExceptionHandler handler() {
        try {
            return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(new MethodDescription.ForLoadedMethod(
                    TrainingCallBridge.class.getMethod("adviceFailed", Throwable.class))));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the bootstrap jar does not match the agent core: " + e.getMessage(), e);
        }
    }
}
