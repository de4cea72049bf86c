package io.greentrain.agent.it.instrumentation;

import io.greentrain.agent.it.ForkedJvm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A finished training job ({@link ForkedJvm.Result}) read the way the instrumentation ITs read it: exit code, output, and the agent's per-call debug lines grouped by the job's steps. The job
 * prints {@code job: step <name>} on stderr before each step and waits for the step's training to finish before the
 * next marker, so every call line between two markers belongs to the first one.
 */
final class JobResult {

    private static final Pattern STEP = Pattern.compile("^job: step (\\S+)$");
    private static final Pattern STARTED = Pattern.compile(
            "^greentrain: debug: call started (\\w+):(\\S+) (\\S+) on (.*) epochsPlanned=(-?\\d+) data=(\\S*) config=(\\S*)$");
    private static final Pattern ENDED = Pattern.compile("^greentrain: debug: call ended (\\w+) (success|error)( \\S+)? epochs=(\\d+)$");

    final List<String> command;
    final int exitCode;
    final String stdout;
    final String stderr;
    final double seconds;
    private final Map<String, List<Started>> started = new LinkedHashMap<>();
    private final Map<String, List<Ended>> ended = new LinkedHashMap<>();

    private final ForkedJvm.Result result;

    JobResult(ForkedJvm.Result result) {
        this.result = result;
        this.command = result.command;
        this.exitCode = result.exitCode;
        this.stdout = result.stdout;
        this.stderr = result.stderr;
        this.seconds = result.seconds;
        String step = "(before any step)";
        for (String line : stderr.split("\n")) {
            Matcher m = STEP.matcher(line);
            if (m.matches()) {
                step = m.group(1);
                continue;
            }
            m = STARTED.matcher(line);
            if (m.matches()) {
                started.computeIfAbsent(step, s -> new ArrayList<>()).add(new Started(m.group(1), m.group(2), m.group(3),
                        m.group(4), Integer.parseInt(m.group(5)), m.group(6), m.group(7)));
                continue;
            }
            m = ENDED.matcher(line);
            if (m.matches()) {
                ended.computeIfAbsent(step, s -> new ArrayList<>()).add(new Ended(m.group(1), m.group(2),
                        m.group(3) == null ? "" : m.group(3).trim(), Integer.parseInt(m.group(4))));
            }
        }
    }

    List<Started> started(String step) {
        return started.getOrDefault(step, new ArrayList<>());
    }

    List<Ended> ended(String step) {
        return ended.getOrDefault(step, new ArrayList<>());
    }

    List<Started> allStarted() {
        return started.values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    /** The step names in the order the job ran them. */
    List<String> steps() {
        return Arrays.stream(stderr.split("\n")).map(STEP::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .collect(Collectors.toList());
    }

    /** {@code key value} lines the job printed on stdout, by key. */
    Map<String, String> results() {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                results.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return results;
    }

    /** Lines in which GreenTrain reports a failure of its own (errors and warnings). */
    List<String> agentProblems() {
        return Arrays.stream(stderr.split("\n"))
                .filter(l -> l.startsWith("greentrain: error") || l.startsWith("greentrain: warn"))
                .collect(Collectors.toList());
    }

    /** Runs the job to its end and reads it. */
    static JobResult run(ForkedJvm job) throws java.io.IOException, InterruptedException {
        return new JobResult(job.run());
    }

    @Override
    public String toString() {
        return result.toString();
    }

    /** A {@code call started} line. */
    static final class Started {
        final String library;
        final String model;
        final String entryPoint;
        final String thread;
        final int epochsPlanned;
        final String data;
        final String config;

        Started(String library, String model, String entryPoint, String thread, int epochsPlanned, String data, String config) {
            this.library = library;
            this.model = model;
            this.entryPoint = entryPoint;
            this.thread = thread;
            this.epochsPlanned = epochsPlanned;
            this.data = data;
            this.config = config;
        }

        /** {@code library:model entryPoint}, the part of the line the tests compare. */
        String call() {
            return library + ":" + model + " " + entryPoint;
        }

        @Override
        public String toString() {
            return call() + " on " + thread + " epochsPlanned=" + epochsPlanned + " data=" + data + " config=" + config;
        }
    }

    /** A {@code call ended} line. */
    static final class Ended {
        final String library;
        final String outcome;
        final String errorType;
        final int epochs;

        Ended(String library, String outcome, String errorType, int epochs) {
            this.library = library;
            this.outcome = outcome;
            this.errorType = errorType;
            this.epochs = epochs;
        }

        @Override
        public String toString() {
            return library + " " + outcome + (errorType.isEmpty() ? "" : " " + errorType) + " epochs=" + epochs;
        }
    }
}
