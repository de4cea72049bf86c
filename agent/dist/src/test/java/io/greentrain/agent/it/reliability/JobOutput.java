package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Comparisons every reliability test makes: the job as without the agent, and the records file intact. */
final class JobOutput {

    private JobOutput() {
    }

    /** stdout without the lines that legitimately vary between runs (timings, heap readings). */
    static String deterministic(String stdout) {
        return Arrays.stream(stdout.split("\n", -1)).filter(l -> !l.startsWith("time ") && !l.startsWith("heap "))
                .collect(Collectors.joining("\n"));
    }

    /** Same exit code, same stdout (but timings), same stderr but GreenTrain's lines, and no stack trace of ours. */
    static void assertUnchanged(ForkedJvm.Result with, ForkedJvm.Result without) {
        assertThat(with.exitCode).as(with.toString()).isEqualTo(without.exitCode);
        assertThat(deterministic(with.stdout)).isEqualTo(deterministic(without.stdout));
        assertThat(with.stderrWithoutGreenTrain()).isEqualTo(without.stderrWithoutGreenTrain());
        assertThat(with.stderr).doesNotContain("Exception in thread").doesNotContain("\tat io.greentrain");
    }

    /**
     * Reads the records file and checks that nothing in it is damaged: every line is a complete record and the
     * file ends with a line break (no partial line after the complete ones).
     */
    static List<CallRecord> intactRecords(Path file) throws IOException {
        CallRecordReader.Result read = CallRecordReader.read(file);
        assertThat(read.skipped()).as("damaged lines in " + file + ": " + read.firstProblem()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 0) {
            assertThat(bytes[bytes.length - 1]).as(file + " ends with a complete line").isEqualTo((byte) '\n');
        }
        return read.records();
    }
}
