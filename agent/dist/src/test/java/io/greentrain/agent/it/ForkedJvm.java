package io.greentrain.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The one way the ITs start a JVM: a test application in a fresh JVM, with or without the built
 * {@code greentrain-agent.jar}, the way an ops team would run it:
 * {@code [prefix] java -javaagent:greentrain-agent.jar=<options> <jvm args> -cp <class path> Main <args>}.
 *
 * <p>A builder: what runs ({@link #main}, {@link #trainingJob}, {@link #sourceFile}, {@link #jar}), then the agent
 * ({@link #withAgent}), JDK ({@link #javaHome}), class path, JVM arguments and system properties, environment
 * ({@link #env}), working directory, a command prefix that changes what the process may do ({@link #prefix}, e.g.
 * {@code setpriv} or {@code prlimit}) and a timeout. Then either {@link #run()} to completion, giving a {@link Result}
 * (exit code, stdout, stderr, command, seconds), or {@link #start()} for a job that stays up while the test talks to
 * it, giving a {@link Live} job (wait for output, write to its stdin, kill it, then {@link Live#finish} to the same
 * {@link Result}). Both output streams are always drained in the background from the start, so a chatty child never
 * blocks on a full pipe. {@code GREENTRAIN_*} and {@code JAVA_TOOL_OPTIONS} of this JVM are never passed on.
 *
 * <p>Class paths: {@link #main} gives the application this test JVM's class path minus everything the agent brings
 * itself (its own modules and their runtime dependencies, see {@link #applicationClassPath()}), so the application never
 * gets GreenTrain's classes or dependencies by accident and the isolation tests mean something. {@link #trainingJob}
 * keeps the third-party jars the agent happens to use too (commons-io, slf4j, see {@link #trainingClassPath()}), because
 * the ML libraries need them and a real training application would have them.
 */
public final class ForkedJvm {

    private final List<String> launch = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> prefix = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String javaHome = System.getProperty("java.home");
    private String agentOptions;
    private String classPath;
    private Path workDir;
    private Duration timeout = Duration.ofSeconds(180);

    private ForkedJvm() {
    }

    /** {@code java -cp <application class path> mainClass args}. */
    public static ForkedJvm main(Class<?> mainClass, String... args) {
        ForkedJvm jvm = new ForkedJvm();
        jvm.classPath = applicationClassPath();
        jvm.launch.add(mainClass.getName());
        return jvm.args(args);
    }

    /**
     * A training job of the instrumentation ITs: {@code java -cp <training class path> mainClass args}, with a longer
     * timeout (240 s: real training on a loaded host).
     */
    public static ForkedJvm trainingJob(Class<?> mainClass, String... args) {
        return main(mainClass, args).classPath(trainingClassPath()).timeout(Duration.ofSeconds(240));
    }

    /** A single-file program run by the launcher in source-file mode (JDK 11+): {@code java -cp <cp> File.java args}. */
    public static ForkedJvm sourceFile(Path file, String... args) {
        ForkedJvm jvm = new ForkedJvm();
        jvm.classPath = applicationClassPath();
        jvm.launch.add(file.toAbsolutePath().toString());
        return jvm.args(args);
    }

    /** {@code java -jar jar args} (no class path of ours). */
    public static ForkedJvm jar(Path jar, String... args) {
        ForkedJvm jvm = new ForkedJvm();
        jvm.launch.add("-jar");
        jvm.launch.add(jar.toAbsolutePath().toString());
        return jvm.args(args);
    }

    /** The agent jar's command line: {@code java -jar greentrain-agent.jar args} ({@code attach <pid> ...} and so on). */
    public static ForkedJvm agentCommand(String... args) {
        return jar(agentJar(), args).timeout(Duration.ofSeconds(60));
    }

    /** Program arguments after the main class (or file, or jar). */
    public ForkedJvm args(String... args) {
        programArgs.addAll(Arrays.asList(args));
        return this;
    }

    /** Attaches the agent at startup, {@code -javaagent:<jar>=options} ({@code -javaagent:<jar>} if options are empty). */
    public ForkedJvm withAgent(String options) {
        this.agentOptions = options == null ? "" : options;
        return this;
    }

    public ForkedJvm jvmArg(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    /** {@code -Dkey=value}. */
    public ForkedJvm systemProperty(String key, String value) {
        return jvmArg("-D" + key + "=" + value);
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
        this.classPath = classPath == null || classPath.isEmpty() ? entries : entries + File.pathSeparator + classPath;
        return this;
    }

    public ForkedJvm appendClassPath(String entries) {
        this.classPath = classPath == null || classPath.isEmpty() ? entries : classPath + File.pathSeparator + entries;
        return this;
    }

    /** An environment variable of the job (on top of this JVM's environment minus GREENTRAIN_* and JAVA_TOOL_OPTIONS). */
    public ForkedJvm env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public ForkedJvm env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    public ForkedJvm workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** A command the JVM is started under ({@code setpriv ...}, {@code prlimit ...}): it changes what the process may do. */
    public ForkedJvm prefix(List<String> command) {
        prefix.addAll(command);
        return this;
    }

    /** How long {@link #run()} waits for the JVM to end before it kills it and fails. */
    public ForkedJvm timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The full command line, prefix included. */
    public List<String> command() {
        List<String> command = new ArrayList<>(prefix);
        command.add(Paths.get(javaHome, "bin", "java").toString());
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.addAll(jvmArgs);
        if (classPath != null) {
            command.add("-cp");
            command.add(classPath);
        }
        command.addAll(launch);
        command.addAll(programArgs);
        return command;
    }

    /** Starts the JVM and leaves it running: see {@link Live}. */
    public Live start() throws IOException {
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("GREENTRAIN_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return new Live(command, builder.start());
    }

    /** Runs the JVM to its end; fails with both streams if it is not over within the {@link #timeout}. */
    public Result run() throws IOException, InterruptedException {
        try (Live job = start()) {
            return job.finish(timeout);
        }
    }

    // ---- the agent jar and the class paths --------------------------------------------------------------------------

    /** Temurin 25 under /usr/lib/jvm (runtime tests run on 17 and 25). */
    public static String jdk25Home() {
        return System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
    }

    /** The jar the build made (target/greentrain-agent.jar); the forked JVMs use {@link #agentJar()}, a copy of it. */
    public static Path builtAgentJar() {
        Path jar = Paths.get(System.getProperty("greentrain.agent.jar", "target/greentrain-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    private static Path agentCopy;

    /**
     * A private copy of the built agent jar, taken once per test JVM and still named {@code greentrain-agent.jar}: the
     * suite's forked JVMs then all use the same jar even if target/greentrain-agent.jar is rebuilt meanwhile (a
     * parallel build on a shared working copy).
     */
    public static synchronized Path agentJar() {
        if (agentCopy == null) {
            try {
                Path dir = Files.createTempDirectory("greentrain-agent-");
                Path copy = dir.resolve("greentrain-agent.jar");
                dir.toFile().deleteOnExit();
                copy.toFile().deleteOnExit();
                for (int attempt = 1; ; attempt++) {
                    Files.copy(builtAgentJar(), copy, StandardCopyOption.REPLACE_EXISTING);
                    try (JarFile jar = new JarFile(copy.toFile())) {
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
                throw new IllegalStateException("cannot copy the agent jar " + builtAgentJar(), e);
            }
        }
        return agentCopy;
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

    /** The test class path minus the agent's own modules and its runtime dependencies. */
    public static String applicationClassPath() {
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

    /** The command as a message shows it: the class path is long and the same for every run, so it is left out. */
    static String shown(List<String> command) {
        return String.join(" ", command).replaceAll(" -cp \\S+", " -cp <class path>");
    }

    // ---- a running JVM ----------------------------------------------------------------------------------------------

    /**
     * A forked JVM that keeps running while the test talks to it: both output streams are collected in the background
     * from the start, the test can wait for text or read stdout line by line, write to stdin, signal or kill the
     * process, and {@link #finish} returns the same {@link Result} a {@link ForkedJvm#run()} would. {@link #close()}
     * kills the process if it is still there.
     */
    public static final class Live implements AutoCloseable {

        private final List<String> command;
        private final Process process;
        private final StreamDrain out;
        private final StreamDrain err;
        private final long started = System.nanoTime();
        private int stdoutCursor;

        private Live(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            this.out = new StreamDrain(process.getInputStream());
            this.err = new StreamDrain(process.getErrorStream());
            out.start();
            err.start();
        }

        public Process process() {
            return process;
        }

        public long pid() {
            return process.pid();
        }

        /** Everything the job printed on stdout so far. */
        public String stdout() {
            return out.text();
        }

        /** Everything the job printed on stderr so far. */
        public String stderr() {
            return err.text();
        }

        /** The job's stdin; closing it ends the job's input. */
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        /** Writes a line to the job's stdin and flushes. */
        public void writeLine(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** Waits until stdout contains the text; fails with both streams if the job ends or time runs out first. */
        public void awaitStdout(String text, Duration timeout) throws InterruptedException {
            awaitAny(out, "stdout", timeout, text);
        }

        /** Waits until stderr contains one of the texts; fails with both streams if the job ends or time runs out first. */
        public void awaitStderr(Duration timeout, String... texts) throws InterruptedException {
            awaitAny(err, "stderr", timeout, texts);
        }

        private void awaitAny(StreamDrain stream, String name, Duration timeout, String... texts) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!containsAny(stream.text(), texts)) {
                if (!process.isAlive()) {
                    Thread.sleep(100); // let the collector drain the pipe
                    if (containsAny(stream.text(), texts)) {
                        return;
                    }
                    throw new AssertionError("job ended (exit " + process.exitValue() + ") before printing " + quoted(texts)
                            + " on " + name + "\n" + streams());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + quoted(texts) + " on " + name + " within " + timeout + "\n" + streams());
                }
                Thread.sleep(20);
            }
        }

        /**
         * The next whole line on stdout after the ones this method returned before (the first line on the first call), or
         * null if the job ended without printing another; fails if none comes within the timeout.
         */
        public String nextStdoutLine(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                boolean ended = !process.isAlive();
                String text = out.text();
                int newline = text.indexOf('\n', stdoutCursor);
                if (newline >= 0) {
                    String line = text.substring(stdoutCursor, newline);
                    stdoutCursor = newline + 1;
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
                if (ended) {
                    out.join(10_000);
                    text = out.text();
                    if (text.indexOf('\n', stdoutCursor) >= 0) {
                        continue;
                    }
                    if (text.length() > stdoutCursor) { // a last line without a line break
                        String line = text.substring(stdoutCursor);
                        stdoutCursor = text.length();
                        return line;
                    }
                    return null;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no further line on stdout within " + timeout + "\n" + streams());
                }
                Thread.sleep(20);
            }
        }

        /** Waits for the job to end by itself and returns exit code and output; kills it and fails if it does not. */
        public Result finish(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("job did not end within " + timeout + ": " + shown(command) + "\n" + streams());
            }
            out.join(10_000);
            err.join(10_000);
            return new Result(command, process.exitValue(), stdout(), stderr(), (System.nanoTime() - started) / 1e9);
        }

        private String streams() {
            return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
        }

        private static boolean containsAny(String text, String... texts) {
            return Arrays.stream(texts).anyMatch(text::contains);
        }

        private static String quoted(String... texts) {
            return texts.length == 1 ? "'" + texts[0] + "'" : "any of " + Arrays.toString(texts);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    // ---- a finished JVM ---------------------------------------------------------------------------------------------

    /** Exit code and output of a finished forked JVM, with the command that ran and how long it took. */
    public static final class Result {
        public final List<String> command;
        public final int exitCode;
        public final String stdout;
        public final String stderr;
        public final double seconds;

        Result(List<String> command, int exitCode, String stdout, String stderr, double seconds) {
            this.command = Collections.unmodifiableList(new ArrayList<>(command));
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.seconds = seconds;
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
            return "exit " + exitCode + " after " + String.format("%.1f", seconds) + " s: " + shown(command)
                    + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
