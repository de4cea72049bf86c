package io.greentrain.agent.instrumentation;

import io.greentrain.exporter.status.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Byte Buddy discards transformation errors by default; a training call we fail to instrument must at
 * least be reported (once) and counted. Successful transformations are logged at debug level.
 */
final class TransformationErrorListener extends AgentBuilder.Listener.Adapter {

    @Override
    public void onTransformation(net.bytebuddy.description.type.TypeDescription typeDescription, ClassLoader classLoader,
                                 JavaModule module, boolean loaded, DynamicType dynamicType) {
        if (AgentLog.isDebug()) {
            AgentLog.debug("instrumented " + typeDescription.getName() + (loaded ? " (retransformed)" : ""));
        }
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
        AgentLog.problem("instrumentation", "transform_failed", "cannot instrument " + typeName
                + "; its training calls are not measured: " + throwable);
    }
}
