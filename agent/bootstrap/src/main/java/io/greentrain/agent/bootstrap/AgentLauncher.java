package io.greentrain.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the one {@link IsolatingClassLoader} of this JVM and hands over to the agent core behind it.
 *
 * <p>Attaching twice (two {@code -javaagent} flags, or {@code attach} on a JVM that already has the agent)
 * is harmless: the state lives here, in the system class loader, which every attach of the same jar uses.
 */
public final class AgentLauncher {

    private static final AtomicBoolean LAUNCHED = new AtomicBoolean();
    private static final String CORE_ENTRY = "io.greentrain.agent.lifecycle.AgentStarter";

    private AgentLauncher() {
    }

    public static void launch(File jar, String agentArguments, Instrumentation instrumentation, boolean attachedLater)
            throws Exception {
        if (!LAUNCHED.compareAndSet(false, true)) {
            System.err.println("greentrain: agent already attached to this JVM; ignoring the second attach");
            return;
        }
        if (isJdkTool()) {
            return; // JAVA_TOOL_OPTIONS also reaches jcmd, jps, javac...: never measure those
        }
        ClassLoader isolated = new IsolatingClassLoader(jar, ClassLoader.getPlatformClassLoader(), AgentLauncher.class.getClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(isolated);
        try {
            Class<?> starter = Class.forName(CORE_ENTRY, true, isolated);
            Method start = starter.getMethod("start", Instrumentation.class, String.class, String.class, boolean.class);
            start.invoke(null, instrumentation, agentArguments, jar.getAbsolutePath(), attachedLater);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static boolean isJdkTool() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith("sun.tools.") || command.startsWith("jdk.jcmd") || command.startsWith("com.sun.tools.")
                || command.startsWith("jdk.internal.") || command.startsWith("sun.launcher.");
    }
}
