package io.greentrain.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Registers the dormant {@link LibraryWatcher}, and starts the agent core behind the one {@link IsolatingClassLoader} of
 * this JVM when the first training library loads (or at once with {@code greentrain.eager=true}).
 *
 * <p>Attaching twice (two {@code -javaagent} flags, or {@code attach} on a JVM that already has the agent) is harmless:
 * the state lives here, in the system class loader, which every attach of the same jar uses.
 */
public final class AgentLauncher {

    /** Guarded by the class lock; a plain flag because premain must load as few JDK classes as it can. */
    private static boolean launched;
    private static final String CORE_ENTRY = "io.greentrain.agent.lifecycle.AgentStarter";

    private AgentLauncher() {
    }

    public static void launch(File jar, String agentArguments, Instrumentation instrumentation, boolean attachedLater) {
        if (!firstLaunch()) {
            System.err.println("greentrain: agent already attached to this JVM; ignoring the second attach");
            return;
        }
        if (isJdkTool()) {
            return; // JAVA_TOOL_OPTIONS also reaches jcmd, jps, javac...: never measure those
        }
        DormantSwitches switches = new DormantSwitches(agentArguments);
        if (!switches.enabled()) {
            System.err.println("greentrain: disabled by " + DormantSwitches.ENABLED + "=false");
            return;
        }
        // tells the application (and GreenTrain's own tools, e.g. the trade-off study) that the agent is attached
        System.setProperty("greentrain.agent.jar", jar.getAbsolutePath());
        Supplier<LibraryActivator> core = new CoreStart(jar, agentArguments, instrumentation, attachedLater);
        if (switches.eager()) {
            core.get(); // endpoint and sensors from JVM start; libraries are still instrumented when they load
        }
        LibraryWatcher watcher = new LibraryWatcher(core);
        // retransformation only where classes were loaded before us (attach): a retransform-capable transformer costs every JVM
        instrumentation.addTransformer(watcher, attachedLater);
        if (attachedLater) {
            watcher.activateLoaded(instrumentation);
        }
    }

    private static synchronized boolean firstLaunch() {
        boolean first = !launched;
        launched = true;
        return first;
    }

    private static boolean isJdkTool() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith("sun.tools.") || command.startsWith("jdk.jcmd") || command.startsWith("com.sun.tools.")
                || command.startsWith("jdk.internal.") || command.startsWith("sun.launcher.");
    }

    /** Starts the core once; every later {@link #get()} returns the same activator (null when it could not start). */
    private static final class CoreStart implements Supplier<LibraryActivator> {
        private final File jar;
        private final String agentArguments;
        private final Instrumentation instrumentation;
        private final boolean attachedLater;
        private boolean started;
        private LibraryActivator activator;

        CoreStart(File jar, String agentArguments, Instrumentation instrumentation, boolean attachedLater) {
            this.jar = jar;
            this.agentArguments = agentArguments;
            this.instrumentation = instrumentation;
            this.attachedLater = attachedLater;
        }

        @Override
        public synchronized LibraryActivator get() {
            if (!started) {
                started = true;
                try {
                    activator = start();
                } catch (Throwable t) {
                    System.err.println("greentrain: agent not started, the job runs without it: " + t);
                }
            }
            return activator;
        }

        private LibraryActivator start() throws Exception {
            ClassLoader isolated = new IsolatingClassLoader(jar, ClassLoader.getPlatformClassLoader(), AgentLauncher.class.getClassLoader());
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(isolated);
            try {
                Class<?> starter = Class.forName(CORE_ENTRY, true, isolated);
                Method start = starter.getMethod("start", Instrumentation.class, String.class, String.class, boolean.class);
                return (LibraryActivator) start.invoke(null, instrumentation, agentArguments, jar.getAbsolutePath(), attachedLater);
            } finally {
                current.setContextClassLoader(previous);
            }
        }
    }
}
