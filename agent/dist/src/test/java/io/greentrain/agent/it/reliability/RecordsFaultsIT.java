package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.reliability.apps.TrainingJob;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records file cannot be written: its directory is missing or read-only, or the disk fills up while the job
 * trains. Each time: one warning naming the file, every training call still runs (same output, same exit code),
 * and whatever was already written stays intact (complete lines only).
 */
class RecordsFaultsIT {

    private static final int CALLS = 40;

    @TempDir
    static Path dir;

    private static ForkedJvm.Result withoutAgent;

    @BeforeAll
    static void runTheJobWithoutTheAgent() throws Exception {
        withoutAgent = job(CALLS).run();
        assertThat(withoutAgent.exitCode).isZero();
        assertThat(withoutAgent.stdout).contains("calls " + CALLS);
    }

    private static ForkedJvm job(long calls) {
        return ForkedJvm.main(TrainingJob.class, "calls", String.valueOf(calls), "200").workDir(dir);
    }

    private static String agent(Path records) {
        // one record per call: the faults are the writer's, so the test needs many records
        return "prometheus.port=0,prometheus.host=127.0.0.1,console.enabled=false,records.detail=calls,records.file=" + records;
    }

    @Test
    void missingDirectory() throws Exception {
        Path records = dir.resolve("gone").resolve("calls.jsonl");
        ForkedJvm.Result result = job(CALLS).withAgent(agent(records)).run();
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(result.greenTrainLines()).filteredOn(l -> l.contains(records.toString())).singleElement()
                .satisfies(l -> assertThat(l).contains("does not exist"));
        assertThat(records.getParent()).doesNotExist();
    }

    @Test
    void readOnlyDirectory() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Path records = readOnly.resolve("calls.jsonl");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ForkedJvm.Result result = job(CALLS).withAgent(agent(records)).prefix(Privileges.obeyFileModes()).timeout(Duration.ofSeconds(120)).run();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(result.greenTrainLines()).filteredOn(l -> l.contains(records.toString())).singleElement()
                    .satisfies(l -> assertThat(l).containsIgnoringCase("denied"));
            assertThat(records).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void readOnlyFileKeepsItsContent() throws Exception {
        Path records = dir.resolve("read-only.jsonl");
        ForkedJvm.Result first = job(3).withAgent(agent(records)).run();
        assertThat(first.exitCode).isZero();
        byte[] before = Files.readAllBytes(records);
        assertThat(JobOutput.intactRecords(records)).filteredOn(r -> !r.run().isRun()).hasSize(3);
        Files.setPosixFilePermissions(records, PosixFilePermissions.fromString("r--r--r--"));
        ForkedJvm.Result result = job(CALLS).withAgent(agent(records)).prefix(Privileges.obeyFileModes()).timeout(Duration.ofSeconds(120)).run();
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(result.greenTrainLines()).filteredOn(l -> l.contains(records.toString())).singleElement()
                .satisfies(l -> assertThat(l).containsIgnoringCase("denied"));
        assertThat(Files.readAllBytes(records)).isEqualTo(before);
    }

    @Test
    void diskFullMidRun() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("small-disk"));
        Path records = disk.resolve("calls.jsonl");
        boolean tmpfs = Privileges.mountSmallTmpfs(disk, 16); // ~20 records fit
        long calls = tmpfs ? 200 : 2500; // a file-size limit must leave room for the JVM's own files (JNA's library)
        List<String> prefix = tmpfs ? List.of() : Privileges.fileSizeLimit(1 << 20);
        try {
            ForkedJvm.Result without = job(calls).timeout(Duration.ofSeconds(120)).run();
            ForkedJvm.Result result = job(calls).withAgent(agent(records)).prefix(prefix).timeout(Duration.ofSeconds(240)).run();
            JobOutput.assertUnchanged(result, without);
            assertThat(result.stdout).contains("calls " + calls);
            assertThat(result.greenTrainLines()).as(result.stderr).filteredOn(l -> l.contains(records.toString())).singleElement()
                    .satisfies(l -> assertThat(l).contains("not written").containsIgnoringCase(tmpfs ? "space" : "large"));
            List<CallRecord> written = JobOutput.intactRecords(records);
            assertThat(written).as("records before the disk filled up").isNotEmpty().hasSizeLessThan((int) calls)
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo("success"));
        } finally {
            if (tmpfs) {
                Privileges.unmount(disk);
            }
        }
    }
}
