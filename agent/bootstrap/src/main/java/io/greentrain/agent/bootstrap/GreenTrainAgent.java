package io.greentrain.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code greentrain-agent.jar}: {@code premain} for {@code -javaagent:}, {@code agentmain}
 * for {@code attach}, {@code main} for the commands.
 *
 * <p>Kept tiny on purpose. This package is the only part of the jar the application can load (the JVM
 * puts the agent jar on the system class path for {@code -javaagent} and {@code attach}): JDK types only.
 * Inlined advice in DL4J/Smile/Tribuo classes resolves {@link TrainingCallBridge} through the system class
 * loader, which every ordinary application and framework loader delegates to. The jar is deliberately
 * <em>not</em> appended to the bootstrap search path: that disables class-data sharing for application
 * classes (slower startup) and makes the JVM print a warning on stderr, both of which the job would notice.
 * Everything else runs behind {@link IsolatingClassLoader}.
 */
public final class GreenTrainAgent {

    private GreenTrainAgent() {
    }

    public static void premain(String agentArguments, Instrumentation instrumentation) {
        launch(agentArguments, instrumentation, false);
    }

    public static void agentmain(String agentArguments, Instrumentation instrumentation) {
        launch(agentArguments, instrumentation, true);
    }

    public static void main(String[] args) {
        System.exit(CommandLauncher.run(agentJar(), args));
    }

    private static void launch(String agentArguments, Instrumentation instrumentation, boolean attachedLater) {
        try {
            AgentLauncher.launch(agentJar(), agentArguments, instrumentation, attachedLater);
        } catch (Throwable t) {
            try {
                System.err.println("greentrain: agent not started, the job runs without it: " + t);
            } catch (Throwable ignored) {
                // nothing left to report to
            }
        }
    }

    static File agentJar() {
        try {
            return new File(GreenTrainAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate greentrain-agent.jar: " + e, e);
        }
    }
}
