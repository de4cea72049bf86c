package io.greentrain.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a test application in a fresh JVM, with or without the built {@code greentrain-agent.jar}, the way
 * an ops team would: {@code java -javaagent:greentrain-agent.jar=... -cp <application class path> Main}.
 *
 * <p>The application class path is this test JVM's class path minus everything the agent brings itself
 * (its own modules and their dependencies), so the application never gets GreenTrain's classes by accident
 * and the isolation tests mean something.
 */
public final class ForkedJvm {

    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> appArgs = new ArrayList<>();
    private String javaHome = System.getProperty("java.home");
    private String agentArgs;
    private boolean withAgent;
    private String classPath = applicationClassPath();
    private Path workDir;
    private long timeoutSeconds = 180;

    public static ForkedJvm main(Class<?> mainClass, String... args) {
        ForkedJvm jvm = new ForkedJvm();
        jvm.appArgs.add(mainClass.getName());
        jvm.appArgs.addAll(Arrays.asList(args));
        return jvm;
    }

    public static Path agentJar() {
        Path jar = Paths.get(System.getProperty("greentrain.agent.jar", "target/greentrain-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    /** Temurin 25 under /usr/lib/jvm (runtime tests run on 17 and 25). */
    public static String jdk25Home() {
        return System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
    }

    public ForkedJvm withAgent(String arguments) {
        this.withAgent = true;
        this.agentArgs = arguments;
        return this;
    }

    public ForkedJvm jvmArg(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    public ForkedJvm javaHome(String home) {
        this.javaHome = home;
        return this;
    }

    public ForkedJvm classPath(String cp) {
        this.classPath = cp;
        return this;
    }

    public ForkedJvm prependClassPath(String entries) {
        this.classPath = entries + File.pathSeparator + classPath;
        return this;
    }

    public ForkedJvm workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    public ForkedJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(javaHome, "bin", "java").toString());
        if (withAgent) {
            command.add("-javaagent:" + agentJar().toAbsolutePath() + (agentArgs == null || agentArgs.isEmpty() ? "" : "=" + agentArgs));
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.addAll(appArgs);
        return command;
    }

    public Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("GREENTRAIN_") || k.equals("JAVA_TOOL_OPTIONS"));
        return builder.start();
    }

    public Result run() throws IOException, InterruptedException {
        Process process = start();
        // read both streams concurrently so a chatty child never blocks on a full pipe
        StreamDrain out = new StreamDrain(process.getInputStream());
        StreamDrain err = new StreamDrain(process.getErrorStream());
        out.start();
        err.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("forked JVM did not finish in " + timeoutSeconds + " s: " + command()
                    + "\nstdout:\n" + out.text() + "\nstderr:\n" + err.text());
        }
        out.join();
        err.join();
        return new Result(process.exitValue(), out.text(), err.text());
    }

    /**
     * The test class path minus GreenTrain's own modules only: third-party jars the agent happens to use too (commons-io,
     * slf4j) stay, because the ML libraries need them and a real training application would have them.
     */
    public static String trainingClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("/greentrain-") && !entry.contains("/agent/core/")
                        && !entry.contains("/agent/bootstrap/") && !entry.contains("/exporter/target/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Test class path minus the agent's own modules and runtime dependencies. */
    static String applicationClassPath() {
        Set<String> agentEntries = new HashSet<>();
        String file = System.getProperty("greentrain.agent.classpath.file");
        if (file != null && Files.isRegularFile(Paths.get(file))) {
            try {
                String content = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8).trim();
                agentEntries.addAll(Arrays.asList(content.split(File.pathSeparator)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Arrays.stream(trainingClassPath().split(File.pathSeparator))
                .filter(entry -> !agentEntries.contains(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Exit code and output of a finished forked JVM. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        public Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** stderr without the lines GreenTrain chose to print. */
        public String stderrWithoutGreenTrain() {
            return Arrays.stream(stderr.split("\n", -1)).filter(l -> !l.startsWith("greentrain:")).collect(Collectors.joining("\n"));
        }

        public List<String> greenTrainLines() {
            return Arrays.stream(stderr.split("\n")).filter(l -> l.startsWith("greentrain:")).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
