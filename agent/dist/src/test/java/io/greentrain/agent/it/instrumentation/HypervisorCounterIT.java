package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.RunsJob;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training job in what looks to the agent like a VM without RAPL, with the host's per-VM counter mounted in the
 * layout Scaphandre's qemu exporter writes; this test plays the hypervisor, rewriting the counter (in place, no
 * newline, 40 W) every 100 ms while the job trains. Every record must carry the measured {@code hypervisor} source and
 * no estimate; the job's output is otherwise the same.
 */
class HypervisorCounterIT {

    @TempDir
    Path dir;

    @Test
    void everyRecordReportsTheHypervisorsMeasurementAndNoEstimate() throws Exception {
        Path tree = dir.resolve("scaphandre");
        Files.createDirectories(tree.resolve("intel-rapl:0:0"));
        Path counter = Files.createDirectories(tree.resolve("intel-rapl:0")).resolve("energy_uj");
        Files.writeString(counter, "0");
        Path records = dir.resolve("runs.jsonl");
        Path noPowercap = Files.createDirectories(dir.resolve("no-powercap"));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread hypervisor = new Thread(() -> {
            long microjoules = 0;
            while (running.get()) {
                microjoules += 4_000_000; // 40 W for 100 ms
                try {
                    Files.writeString(counter, Long.toString(microjoules));
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "fake-hypervisor");
        hypervisor.start();
        JobResult result;
        try {
            result = JobResult.run(ForkedJvm.trainingJob(RunsJob.class).args("paced")
                    .withAgent("prometheus.enabled=false,gpu.enabled=false,rapl.root=" + noPowercap + ",hypervisor.root=" + tree
                            + ",records.file=" + records + ",records.detail=calls"));
        } finally {
            running.set(false);
            hypervisor.join();
        }
        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stderr).doesNotContain("estimate");
        List<CallRecord> all = Records.readAll(records).records();
        assertThat(all).hasSizeGreaterThan(1);
        assertThat(all).allSatisfy(r -> assertThat(r.energy().stream().map(e -> e.component() + "/" + e.source()).collect(Collectors.toList()))
                .containsExactly("cpu/hypervisor"));
        CallRecord run = Records.runs(records).get(0);
        assertThat(run.totalJoules()).as("the run's share of the 40 W the host handed this VM").isPositive();
        assertThat(run.energy().stream().mapToDouble(ComponentEnergy::joules).sum()).isEqualTo(run.totalJoules());
    }
}
