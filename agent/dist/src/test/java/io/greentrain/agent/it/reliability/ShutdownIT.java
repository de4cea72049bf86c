package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.reliability.apps.TrainingJob;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job is killed during a training call. SIGKILL: nothing can run; with {@code records.detail=calls} every record of
 * a finished call must already be complete on disk and only the call in flight is lost (by default a run's record is
 * written when the run ends, so SIGKILL loses the runs still open). SIGTERM: the shutdown hooks run, the open runs end
 * and the run whose call was in flight is recorded with outcome {@code interrupted}. Either way the exit code is the one the job gets
 * without the agent (137, 143) and its output is unchanged.
 */
class ShutdownIT {

    private static final int FINISHED = 25;

    @TempDir
    Path dir;

    private ForkedJvm job() {
        return ForkedJvm.main(TrainingJob.class, "in-flight", String.valueOf(FINISHED), "2000").workDir(dir);
    }

    /** Starts the job, waits until its long call is running, sends the signal and returns what it left. */
    private ForkedJvm.Result killDuringTheLongCall(ForkedJvm jvm, boolean sigkill) throws Exception {
        try (ForkedJvm.Live job = jvm.start()) {
            job.awaitStdout("in flight", Duration.ofSeconds(60));
            Thread.sleep(500);
            if (sigkill) {
                job.process().destroyForcibly();
            } else {
                job.process().destroy();
            }
            return job.finish(Duration.ofSeconds(60));
        }
    }

    @Test
    void sigkillLosesAtMostTheCallInFlight() throws Exception {
        ForkedJvm.Result without = killDuringTheLongCall(job(), true);
        Path records = dir.resolve("killed.jsonl");
        ForkedJvm.Result with = killDuringTheLongCall(job().withAgent("prometheus.port=0,console.enabled=false,records.detail=calls,"
                + "records.file=" + records), true);
        assertThat(without.exitCode).isEqualTo(137);
        JobOutput.assertUnchanged(with, without);
        List<CallRecord> written = JobOutput.intactRecords(records);
        assertThat(written).hasSize(FINISHED).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("success");
            assertThat(r.model()).isEqualTo("TinyTrainer");
        });
    }

    @Test
    void sigtermRecordsTheCallInFlightAsInterrupted() throws Exception {
        ForkedJvm.Result without = killDuringTheLongCall(job(), false);
        Path records = dir.resolve("terminated.jsonl");
        ForkedJvm.Result with = killDuringTheLongCall(job().withAgent("prometheus.port=0,console.enabled=false,records.file=" + records), false);
        assertThat(without.exitCode).isEqualTo(143);
        JobOutput.assertUnchanged(with, without);
        List<CallRecord> written = JobOutput.intactRecords(records);
        assertThat(written).as("one run per trainer").hasSize(2);
        CallRecord tiny = written.get(0);
        assertThat(tiny.model()).isEqualTo("TinyTrainer");
        assertThat(tiny.outcome()).isEqualTo("success");
        assertThat(tiny.run().calls()).isEqualTo(FINISHED);
        CallRecord last = written.get(1);
        assertThat(last.model()).isEqualTo("LongTrainer");
        assertThat(last.outcome()).isEqualTo("interrupted");
        assertThat(last.run().calls()).isEqualTo(1);
        assertThat(last.durationSeconds()).isGreaterThan(0.3);
        assertThat(written.stream().map(CallRecord::jvmId).collect(Collectors.toSet())).hasSize(1);
    }
}
