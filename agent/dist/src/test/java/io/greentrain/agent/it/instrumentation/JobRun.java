package io.greentrain.agent.it.instrumentation;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.StreamDrain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one of the training jobs ({@code apps/*Job}, or {@code Smile6Job.java} in source-file mode) in a fresh JVM,
 * with or without {@code -javaagent:greentrain-agent.jar}, and parses what the agent said about it.
 *
 * <p>The application class path is the test class path minus GreenTrain's own modules: unlike
 * {@link ForkedJvm#applicationClassPath()}, third-party jars the agent happens to use too (commons-io, slf4j) stay,
 * because the ML libraries need them and a real application would have them.
 */
final class JobRun {

    /**
     * Agent options every instrumentation run uses: debug lines per call, no HTTP endpoint (ports would clash), no GPU
     * probing (records stay comparable on CI hosts with an NVIDIA driver).
     */
    static final String BASE_OPTIONS = "log.level=debug,prometheus.enabled=false,gpu.enabled=false,records.detail=calls";

    /** Options for a run on the estimate path (an empty powercap root: no RAPL) writing records to {@code records}. */
    static String estimatePath(Path records) throws IOException {
        Path noPowercap = java.nio.file.Files.createTempDirectory(records.getParent(), "no-powercap");
        return BASE_OPTIONS + ",rapl.root=" + noPowercap + ",records.file=" + records;
    }

    /** Options for a run reading the fixture RAPL tree at {@code powercapRoot}, writing records to {@code records}. */
    static String raplFixture(Path powercapRoot, Path records) {
        return BASE_OPTIONS + ",rapl.root=" + powercapRoot + ",records.file=" + records;
    }

    private final List<String> command = new ArrayList<>();
    private String javaHome = System.getProperty("java.home");
    private String agentOptions;
    private final List<String> jvmArgs = new ArrayList<>();
    private final java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    private String classPath = applicationClassPath();
    private final List<String> main = new ArrayList<>();
    private long timeoutSeconds = 240;

    private JobRun() {
    }

    static JobRun of(Class<?> mainClass) {
        JobRun run = new JobRun();
        run.main.add(mainClass.getName());
        return run;
    }

    /** A single-file program run by the launcher in source-file mode (JDK 11+). */
    static JobRun sourceFile(Path file) {
        JobRun run = new JobRun();
        run.main.add(file.toAbsolutePath().toString());
        return run;
    }

    JobRun withAgent(String options) {
        this.agentOptions = options;
        return this;
    }

    JobRun javaHome(String home) {
        this.javaHome = home;
        return this;
    }

    JobRun classPath(String cp) {
        this.classPath = cp;
        return this;
    }

    /** Program arguments after the main class. */
    JobRun args(String... args) {
        main.addAll(Arrays.asList(args));
        return this;
    }

    /** An environment variable of the job (GREENTRAIN_* and JAVA_TOOL_OPTIONS of this JVM are never passed on). */
    JobRun env(String key, String value) {
        env.put(key, value);
        return this;
    }

    JobRun jvmArg(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    List<String> command() {
        command.clear();
        command.add(Paths.get(javaHome, "bin", "java").toString());
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.addAll(main);
        return new ArrayList<>(command);
    }

    Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().keySet().removeIf(k -> k.startsWith("GREENTRAIN_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return builder.start();
    }

    JobResult run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start();
        StreamDrain out = new StreamDrain(process.getInputStream());
        StreamDrain err = new StreamDrain(process.getErrorStream());
        out.start();
        err.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("job did not finish in " + timeoutSeconds + " s: " + command()
                    + "\nstdout:\n" + out.text() + "\nstderr:\n" + err.text());
        }
        out.join();
        err.join();
        return new JobResult(command(), process.exitValue(), out.text(), err.text(), (System.nanoTime() - started) / 1e9);
    }

    private static Path agentCopy;

    /**
     * A private copy of the built agent jar, taken once per test JVM: the suite's forked JVMs then all use the same
     * jar even if target/greentrain-agent.jar is rebuilt meanwhile (a parallel build on a shared working copy).
     */
    static synchronized Path agentJar() {
        if (agentCopy == null) {
            try {
                Path copy = java.nio.file.Files.createTempFile("greentrain-agent-", ".jar");
                copy.toFile().deleteOnExit();
                for (int attempt = 1; ; attempt++) {
                    java.nio.file.Files.copy(ForkedJvm.agentJar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(copy.toFile())) {
                        if (jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Premain-Class") != null) {
                            break;
                        }
                    } catch (IOException beingWritten) {
                        if (attempt == 5) {
                            throw beingWritten;
                        }
                    }
                    Thread.sleep(2_000);
                }
                agentCopy = copy.toAbsolutePath();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot copy the agent jar " + ForkedJvm.agentJar(), e);
            }
        }
        return agentCopy;
    }

    /** Test class path minus GreenTrain's own modules (the agent must come from the agent jar only). */
    static String applicationClassPath() {
        return ForkedJvm.trainingClassPath();
    }

    /** Reads a stream to the end on a daemon thread, so a chatty child never blocks on a full pipe. */
}
