package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.DormantProbeJob;
import io.greentrain.agent.it.apps.ShortCallJob;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dormant agent: a JVM that never loads a training library keeps nothing of it but the bootstrap's watcher (no
 * thread, port, file, Byte Buddy or core class); a library wakes it; {@code eager} starts it at once; and the first call
 * of a job that exits right after it is still recorded with energy.
 */
class DormantAgentIT {

    @TempDir
    Path workDir;

    @Test
    void aJvmWithoutTrainingLibraryHasNoThreadPortFileOrClassOfTheAgentBeyondTheBootstrap() throws Exception {
        int port = Scraper.freePort();
        Path records = workDir.resolve("calls.jsonl");
        Path classes = workDir.resolve("classes.txt");
        ForkedJvm.Result result = ForkedJvm.main(DormantProbeJob.class, String.valueOf(port)).workDir(workDir)
                .jvmArg("-Xlog:class+load=info:file=" + classes)
                .withAgent("prometheus.port=" + port + ",prometheus.host=127.0.0.1,records.file=" + records).run();

        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stdout).contains("port closed").doesNotContain("thread greentrain");
        assertThat(records).doesNotExist();
        assertThat(result.greenTrainLines()).isEmpty();
        List<String> fromAgentJar = Files.readAllLines(classes).stream().filter(line -> line.contains("greentrain-agent.jar"))
                .collect(Collectors.toList());
        assertThat(fromAgentJar).as("classes loaded from the agent jar").isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(" io.greentrain.agent.bootstrap."));
        assertThat(Files.readAllLines(classes)).as("Byte Buddy, exporter or core classes")
                .noneMatch(line -> line.contains(" net.bytebuddy.") || line.contains(" io.greentrain.exporter.")
                        || line.contains(" io.greentrain.agent.lifecycle."));
    }

    @Test
    void aTrainingLibraryWakesTheAgent() throws Exception {
        int port = Scraper.freePort();
        ForkedJvm.Result result = ForkedJvm.main(DormantProbeJob.class, String.valueOf(port), "train").workDir(workDir)
                .withAgent("prometheus.port=" + port + ",prometheus.host=127.0.0.1").run();

        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stdout).contains("port open").contains("thread greentrain-sampler");
    }

    @Test
    void eagerStartsTheEndpointBeforeAnyTrainingClassLoads() throws Exception {
        int port = Scraper.freePort();
        ForkedJvm.Result result = ForkedJvm.main(DormantProbeJob.class, String.valueOf(port)).workDir(workDir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1").run();

        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stdout).contains("port open").contains("thread greentrain-sampler");
    }

    @Test
    void theOnlyCallOfAJobThatExitsRightAfterItIsRecordedWithEnergy() throws Exception {
        Path records = workDir.resolve("calls.jsonl");
        ForkedJvm.Result result = ForkedJvm.main(ShortCallJob.class).classPath(ForkedJvm.trainingClassPath()).workDir(workDir)
                .withAgent("prometheus.port=0,prometheus.host=127.0.0.1,records.file=" + records).run();

        assertThat(result.exitCode).as(result.toString()).isZero();
        CallRecordReader.Result read = CallRecordReader.read(records);
        assertThat(read.skipped()).isZero();
        assertThat(read.records()).as(result.toString()).hasSize(1);
        CallRecord call = read.records().get(0);
        assertThat(call.library()).isEqualTo("smile");
        assertThat(call.model()).isEqualTo("LogisticRegression");
        assertThat(call.outcome()).isEqualTo("success");
        assertThat(call.totalJoules()).as("energy of the only call").isGreaterThan(0);
        assertThat(result.greenTrainLines()).as("the call's line").anyMatch(line -> line.contains("smile LogisticRegression"));
        assertThat(result.greenTrainLines()).as("no call lost").noneMatch(line -> line.contains("before measurement was ready"));
    }
}
