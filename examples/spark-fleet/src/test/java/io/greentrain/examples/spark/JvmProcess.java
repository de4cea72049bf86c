package io.greentrain.examples.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A forked JVM whose stdout and stderr go to one log file; stopping it takes its child processes down too. */
final class JvmProcess {

    final String name;
    final Process process;
    final Path log;

    private JvmProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir} with the inherited environment minus any SPARK_* variable, plus {@code env}. */
    static JvmProcess start(String name, List<String> command, Map<String, String> env, Path dir, Path log)
            throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("PYSPARK_"));
        builder.environment().putAll(env);
        return new JvmProcess(name, builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            // lenient decoding: a log cut mid-character must not hide the rest
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + file + ": " + e + ")";
        }
        List<String> all = Arrays.asList(text.split("\n", -1));
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
    }

    /** Waits for exit; false if it is still running after {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM (Spark's shutdown hooks kill the executors a Worker forked), then SIGKILL for whatever is left. */
    void stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().collect(Collectors.toList());
        process.destroy();
        if (!await(grace)) {
            process.destroyForcibly();
            await(Duration.ofSeconds(5));
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** SIGKILL for it and its children, without waiting. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + (isAlive() ? ", running" : ", exit " + process.exitValue()) + ", log " + log + ")";
    }
}
