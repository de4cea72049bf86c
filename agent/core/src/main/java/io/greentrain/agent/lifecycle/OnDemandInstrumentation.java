package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.LibraryActivator;
import io.greentrain.agent.instrumentation.InstrumentationInstaller;
import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.exporter.status.AgentLog;
import java.lang.instrument.ClassFileTransformer;

/**
 * The core's answer to the dormant watcher: the first class of a library was defined, build that library's
 * transformer (and nothing for the libraries this JVM never loads). Runs on the defining thread, with the core's own
 * loader as context loader so that nothing it touches looks at, or pins, the application's loader.
 */
final class OnDemandInstrumentation implements LibraryActivator {

    private final GreenTrainConfig config;
    private final boolean attachedLater;

    OnDemandInstrumentation(GreenTrainConfig config, boolean attachedLater) {
        this.config = config;
        this.attachedLater = attachedLater;
    }

    @Override
    public ClassFileTransformer activate(String library) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(OnDemandInstrumentation.class.getClassLoader());
        try {
            LibraryInstrumentation instrumentation = InstrumentationInstaller.enabled(config, library);
            if (instrumentation == null) {
                AgentLog.debug(library + " classes are loading; its instrumentation is switched off");
                return null;
            }
            ClassFileTransformer transformer = InstrumentationInstaller.transformerFor(instrumentation);
            AgentLog.debug(library + " instrumented" + (attachedLater ? " (attached to a running JVM)" : ""));
            return transformer;
        } catch (Throwable t) {
            AgentLog.error("cannot instrument " + library + ", its training calls are not measured: " + t);
            return null;
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
