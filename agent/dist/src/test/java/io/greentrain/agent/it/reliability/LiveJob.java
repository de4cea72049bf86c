package io.greentrain.agent.it.reliability;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.StreamDrain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A forked job that keeps running while the test talks to it: both output streams are collected in the
 * background from the start (so a chatty job never blocks), the test can wait for a line on stdout, and
 * {@link #finish} returns the same {@link ForkedJvm.Result} a plain {@code run()} would.
 */
final class LiveJob implements AutoCloseable {

    private final Process process;
    private final StreamDrain out;
    private final StreamDrain err;

    private LiveJob(Process process) {
        this.process = process;
        this.out = new StreamDrain(process.getInputStream());
        this.err = new StreamDrain(process.getErrorStream());
        out.start();
        err.start();
    }

    static LiveJob start(ForkedJvm jvm) throws IOException {
        return new LiveJob(jvm.start());
    }

    /**
     * Starts {@code prefix + jvm.command()} (a prefix such as {@code setpriv ...} or {@code prlimit ...} changes
     * what the process may do) with the environment of this JVM minus {@code GREENTRAIN_*}, plus {@code env}.
     */
    static LiveJob start(ForkedJvm jvm, Path workDir, Map<String, String> env, List<String> prefix) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(jvm.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GREENTRAIN_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return new LiveJob(builder.start());
    }

    /** Runs to the end (see {@link #start(ForkedJvm, Path, Map, List)}). */
    static ForkedJvm.Result run(ForkedJvm jvm, Path workDir, Map<String, String> env, List<String> prefix, Duration timeout)
            throws IOException, InterruptedException {
        try (LiveJob job = start(jvm, workDir, env, prefix)) {
            return job.finish(timeout);
        }
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    String stdout() {
        return out.text();
    }

    String stderr() {
        return err.text();
    }

    /** Waits until stdout contains the text; fails with both streams if the job ends or time runs out first. */
    void awaitStdout(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stdout().contains(text)) {
            if (!process.isAlive() && !stdout().contains(text)) {
                Thread.sleep(100); // let the collector drain the pipe
                if (stdout().contains(text)) {
                    return;
                }
                throw new AssertionError("job ended (exit " + process.exitValue() + ") before printing '" + text + "'\nstdout:\n"
                        + stdout() + "\nstderr:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' on stdout within " + timeout + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    /** Waits for the job to end by itself and returns exit code and output. */
    ForkedJvm.Result finish(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("job did not end within " + timeout + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        out.join(10_000);
        err.join(10_000);
        return new ForkedJvm.Result(process.exitValue(), stdout(), stderr());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
