package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import io.greentrain.exporter.records.ComponentEnergy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The records file ({@code greentrain.records.file}) of a run, checked against the calls the agent reported in its
 * debug lines: one record per outermost call ({@code records.detail=calls}, see {@link AgentOptions#BASE}), each with
 * energy from the expected source; beside them one record per run.
 */
final class Records {

    private Records() {
    }

    /** The call records. */
    static List<CallRecord> read(Path file) throws IOException {
        return readAll(file).calls();
    }

    /** The run records. */
    static List<CallRecord> runs(Path file) throws IOException {
        return readAll(file).runs();
    }

    static CallRecordReader.Result readAll(Path file) throws IOException {
        CallRecordReader.Result result = CallRecordReader.read(file);
        assertThat(result.skipped()).as("unreadable record lines: %s", result.firstProblem()).isZero();
        return result;
    }

    /**
     * Exactly one record per call the agent saw start (same library, model, entry point, thread and outcome), each
     * with energy whose CPU part comes from {@code cpuSource} ({@code estimate} or {@code rapl}), more than 0 J for
     * every successful (real) training call.
     */
    static List<CallRecord> assertOnePerCall(JobResult run, Path file, String cpuSource) throws IOException {
        List<CallRecord> records = read(file);
        List<String> calls = run.allStarted().stream().map(s -> s.call() + " on " + s.thread).sorted().collect(Collectors.toList());
        assertThat(records.stream().map(r -> r.library() + ":" + r.model() + " " + r.entryPoint() + " on " + r.thread()).sorted())
                .as("records vs calls seen\n%s", run).containsExactlyElementsOf(calls);
        List<String> outcomes = run.allStarted().isEmpty() ? List.of() : allEndedOutcomes(run);
        assertThat(records.stream().map(CallRecord::outcome).sorted()).containsExactlyElementsOf(outcomes);
        for (CallRecord record : records) {
            assertThat(record.energy()).as("energy of %s", describe(record))
                    .anyMatch(e -> e.component().equals("cpu") && e.source().equals(cpuSource));
            if (record.outcome().equals("success")) {
                assertThat(record.totalJoules()).as("energy of %s", describe(record)).isGreaterThan(0);
            } else {
                // the failing calls fail on argument checks within microseconds: a real counter may not move meanwhile
                assertThat(record.totalJoules()).as("energy of %s", describe(record)).isGreaterThanOrEqualTo(0);
            }
        }
        return records;
    }

    private static List<String> allEndedOutcomes(JobResult run) {
        return run.steps().stream().distinct().flatMap(step -> run.ended(step).stream()).map(e -> e.outcome).sorted()
                .collect(Collectors.toList());
    }

    static String describe(CallRecord record) {
        return record.library() + ":" + record.model() + " " + record.entryPoint() + " on " + record.thread() + " "
                + record.outcome() + " " + record.energy().stream().map(ComponentEnergy::toString).collect(Collectors.joining(", "));
    }
}
