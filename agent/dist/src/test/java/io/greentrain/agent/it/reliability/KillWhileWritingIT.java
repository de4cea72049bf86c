package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.reliability.apps.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise that a killed JVM never leaves half a line, tested where it could break: a job whose every
 * training call writes a record ({@code records.detail=calls}, calls as fast as the agent can take them, thousands a
 * second) is killed with SIGKILL at a random moment while it writes, {@link #ROUNDS} times, each time appending to the
 * same file. Each record goes to the kernel as one {@code write} on an {@code O_APPEND} file, which a kill can only cut
 * where the write crosses a page boundary (Linux checks for a fatal signal between pages). So after each kill the file
 * holds whole lines, plus at most one cut-off final line; the next JVM starts its records on a new line
 * (CallRecordWriter), and the reader skips exactly the cut-off lines and counts them. Nothing else may be damaged.
 */
class KillWhileWritingIT {

    static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void sigkillWhileRecordsPourOutLeavesOnlyWholeLines() throws Exception {
        Path records = dir.resolve("calls.jsonl");
        SplittableRandom random = new SplittableRandom(7);
        long linesBefore = 0;
        int cutOff = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Path stop = dir.resolve("stop-" + round); // never created: the kill ends the job
            ForkedJvm jvm = ForkedJvm.main(TrainingJob.class, "until", stop.toString(), "0").workDir(dir)
                    .withAgent("prometheus.enabled=false,console.enabled=false,records.detail=calls,records.file=" + records);
            try (ForkedJvm.Live job = jvm.start()) {
                long target = linesBefore + 2_000;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (lines(records) < target && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(lines(records)).as("round %d: records written before the kill", round).isGreaterThanOrEqualTo(target);
                Thread.sleep(random.nextInt(200)); // somewhere in the middle of the stream
                job.process().destroyForcibly();
                ForkedJvm.Result result = job.finish(Duration.ofSeconds(60));
                assertThat(result.exitCode).isEqualTo(137);
            }
            byte[] bytes = Files.readAllBytes(records);
            if (bytes[bytes.length - 1] != '\n') {
                cutOff++; // this kill cut the final record: the only damage allowed
            }
            io.greentrain.exporter.records.CallRecordReader.Result read = io.greentrain.exporter.records.CallRecordReader.read(records);
            assertThat(read.skipped()).as("round %d: damaged lines (%s)", round, read.firstProblem()).isEqualTo(cutOff);
            assertThat((long) read.records().size()).as("round %d: records kept", round).isGreaterThan(linesBefore);
            linesBefore = read.records().size();
        }
        System.out.printf("%d SIGKILLs while writing: %d whole records, %d cut-off final lines%n", ROUNDS, linesBefore, cutOff);
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long newlines = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                newlines++;
            }
        }
        return newlines;
    }
}
