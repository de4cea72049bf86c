package io.greentrain.agent.bootstrap;

import java.io.File;
import java.lang.reflect.Method;

/**
 * {@code java -jar greentrain-agent.jar <command>}. {@code attach} runs here because the JDK's attach API
 * belongs to the application class loader; every other command runs in the agent core behind an
 * {@link IsolatingClassLoader}.
 */
final class CommandLauncher {

    private static final String CLI_ENTRY = "io.greentrain.exporter.cli.GreenTrainCli";

    private CommandLauncher() {
    }

    static int run(File jar, String[] args) {
        if (args.length > 0 && args[0].equals("attach")) {
            return Attach.run(jar, args);
        }
        try {
            ClassLoader isolated = new IsolatingClassLoader(jar, ClassLoader.getPlatformClassLoader(), CommandLauncher.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(isolated);
            Class<?> cli = Class.forName(CLI_ENTRY, true, isolated);
            Method run = cli.getMethod("run", String[].class);
            return (Integer) run.invoke(null, (Object) args);
        } catch (Throwable t) {
            System.err.println("greentrain: command failed: " + t);
            return 1;
        }
    }
}
