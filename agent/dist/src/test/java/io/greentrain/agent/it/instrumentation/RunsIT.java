package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.RunsJob;
import io.greentrain.api.GreenTrain;
import io.greentrain.exporter.outputs.HumanUnits;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs and groups as a user makes them, in forked JVMs with the built agent and its default record detail (one record
 * per run): see {@link RunsJob} for the patterns. Energy comes from the estimate path (no RAPL here).
 */
class RunsIT {

    @TempDir
    Path dir;

    /** A job of {@code pattern} with the agent's defaults, but for an empty powercap root and its own records file. */
    private Job run(String pattern, String extraOptions) throws Exception {
        Path records = dir.resolve(pattern + ".jsonl");
        Path noPowercap = java.nio.file.Files.createTempDirectory(dir, "no-powercap");
        String options = "prometheus.enabled=false,gpu.enabled=false,rapl.root=" + noPowercap + ",records.file=" + records
                + (extraOptions.isEmpty() ? "" : "," + extraOptions);
        String apiJar = Paths.get(GreenTrain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JobResult result = JobResult.run(ForkedJvm.trainingJob(RunsJob.class).args(pattern).appendClassPath(apiJar)
                .withAgent(options));
        assertThat(result.exitCode).as(result.toString()).isZero();
        return new Job(result, Records.readAll(records).runs(), Records.readAll(records).calls());
    }

    private static final class Job {
        final JobResult result;
        final List<CallRecord> runs;
        final List<CallRecord> calls;

        Job(JobResult result, List<CallRecord> runs, List<CallRecord> calls) {
            this.result = result;
            this.runs = runs;
            this.calls = calls;
        }

        List<String> greenTrainLines() {
            return Arrays.stream(result.stderr.split("\n")).filter(l -> l.startsWith("greentrain:")).collect(Collectors.toList());
        }
    }

    @Test
    void aHandWrittenMiniBatchLoopIsOneRunWithItsSixHundredCalls() throws Exception {
        Job job = run("minibatch-loop", "");
        assertThat(job.calls).as("no per-call records by default").isEmpty();
        assertThat(job.runs).as(job.result.toString()).hasSize(1);
        CallRecord run = job.runs.get(0);
        assertThat(run.run().calls()).isEqualTo(600);
        assertThat(run.run().rows()).isEqualTo(600L * 16);
        assertThat(run.model()).isEqualTo("MultiLayerNetwork");
        assertThat(run.entryPoint()).isEqualTo("MultiLayerNetwork#fit");
        assertThat(run.outcome()).isEqualTo("success");
        assertThat(run.totalJoules()).isGreaterThan(0);
        assertThat(run.energy()).anyMatch(e -> e.component().equals("cpu") && e.source().equals("estimate"));
        // every estimated component of the record as written carries its band: low <= joules <= high
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readAllLines(dir.resolve("minibatch-loop.jsonl")).get(0));
        assertThat(written.get("energy")).allSatisfy(e -> {
            assertThat(e.get("source").asText()).isEqualTo("estimate");
            assertThat(e.get("joules_low").asDouble()).isLessThanOrEqualTo(e.get("joules").asDouble());
            assertThat(e.get("joules_high").asDouble()).isGreaterThanOrEqualTo(e.get("joules").asDouble());
        });
        assertThat(written.get("total_joules_low").asDouble()).isLessThanOrEqualTo(run.totalJoules());
        assertThat(written.get("total_joules_high").asDouble()).isGreaterThanOrEqualTo(run.totalJoules());
        // besides one progress line per progress.interval (10 s) while the loop runs (a slow CI machine takes 15 s)
        List<String> lines = job.greenTrainLines();
        List<String> progress = lines.stream().filter(l -> l.contains(" running ")).collect(Collectors.toList());
        assertThat(progress).as("progress lines").hasSizeLessThanOrEqualTo((int) (run.durationSeconds() / 10) + 1);
        assertThat(lines.stream().filter(l -> !progress.contains(l)).collect(Collectors.toList())).as("stderr lines of GreenTrain")
                .hasSizeLessThanOrEqualTo(3).anyMatch(l -> l.contains("[run " + run.runId()) && l.contains("600 calls"));
    }

    @Test
    void throughAPipeTheProgressIsPlainLinesWithoutControlCharacters() throws Exception {
        Job job = run("paced", "progress.interval=1s");
        assertThat(job.runs).hasSize(1);
        String runId = job.runs.get(0).runId();
        assertThat(job.greenTrainLines()).as("progress lines of the running run, one per interval")
                .filteredOn(l -> l.contains(" running ") && l.contains("[run " + runId)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(job.result.stderr).as("stderr is a pipe here: no carriage return, no escape sequence")
                .doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void fitWithEpochsIsOneCallOneRunWithItsEpochs() throws Exception {
        Job job = run("fit-epochs", "");
        assertThat(job.runs).hasSize(1);
        assertThat(job.runs.get(0).run().calls()).isEqualTo(1);
        assertThat(job.runs.get(0).epochs()).isEqualTo(3);
        assertThat(job.runs.get(0).epochsPlanned()).isEqualTo(3);
    }

    @Test
    void earlyStoppingIsOneRunWithItsEpochsAndItsMiniBatchesInsideTheCall() throws Exception {
        Job job = run("early-stopping", "records.detail=calls");
        assertThat(job.runs).as(job.result.toString()).hasSize(1);
        CallRecord run = job.runs.get(0);
        assertThat(run.model()).isEqualTo("EarlyStoppingTrainer");
        assertThat(run.entryPoint()).isEqualTo("BaseEarlyStoppingTrainer#fit");
        assertThat(run.epochs()).isEqualTo(4);
        assertThat(run.run().calls()).as("the trainer's fit() is the call; its 800 net.fit(DataSet) are nested").isEqualTo(1);
        assertThat(job.calls).hasSize(1);
        assertThat(job.calls.get(0).totalJoules()).isCloseTo(run.totalJoules(), org.assertj.core.data.Percentage.withPercentage(0.001));
    }

    @Test
    void twoModelsTrainedInterleavedOnTwoThreadsAreTwoRunsEachWithItsOwnCalls() throws Exception {
        Job job = run("two-threads", "records.detail=calls");
        assertThat(job.runs).hasSize(2);
        assertThat(job.runs).extracting(CallRecord::thread).containsExactlyInAnyOrder("trainer-a", "trainer-b");
        assertThat(job.runs).extracting(r -> r.run().calls()).containsOnly(50L);
        assertThat(job.runs).extracting(CallRecord::runId).doesNotHaveDuplicates();
        for (CallRecord run : job.runs) {
            List<CallRecord> itsCalls = job.calls.stream().filter(c -> c.runId().equals(run.runId())).collect(Collectors.toList());
            assertThat(itsCalls).as("call records of " + run.runId()).hasSize(50).extracting(CallRecord::thread).containsOnly(run.thread());
            double sum = itsCalls.stream().mapToDouble(CallRecord::totalJoules).sum();
            assertThat(run.totalJoules()).as("a run's energy is its calls' (the time between them is no run's)")
                    .isCloseTo(sum, within(1e-6 + sum * 1e-9));
        }
    }

    @Test
    void trainingAgainAfterTheGapIsASecondRunWithTheSameFingerprint() throws Exception {
        Job job = run("gap", "runs.gap=1s");
        assertThat(job.runs).as(job.result.toString()).hasSize(2);
        assertThat(job.runs).extracting(r -> r.run().calls()).containsExactly(20L, 20L);
        assertThat(job.runs.get(1).configFingerprint()).isNotEmpty().isEqualTo(job.runs.get(0).configFingerprint());
        assertThat(job.runs.get(1).runId()).isNotEqualTo(job.runs.get(0).runId());
        assertThat(job.runs.get(1).startEpochMillis()).isGreaterThanOrEqualTo(job.runs.get(0).endEpochMillis() + 2_000);
    }

    @Test
    void aTribuoCrossValidationOfThreeConfigurationsIsThreeRunsInOneGroup() throws Exception {
        Job job = run("tribuo-cv", "");
        assertGroupOfThreeRunsOfFiveFolds(job, "tribuo CrossValidation");
    }

    @Test
    void aSmileGridOverCrossValidationsIsThreeRunsInOneGroup() throws Exception {
        Job job = run("smile-grid", "");
        assertGroupOfThreeRunsOfFiveFolds(job, "smile CrossValidation");
    }

    @Test
    void explicitRunsTakeEveryModelTrainedInsideThemAndTheirGroupSumsThem() throws Exception {
        Job job = run("explicit", "");
        assertThat(job.runs).as(job.result.toString()).hasSize(2);
        assertThat(job.runs).extracting(r -> r.run().runName()).containsExactly("lr=0.01", "lr=0.1");
        assertThat(job.runs).extracting(r -> r.run().calls()).containsOnly(20L);
        assertThat(job.runs).extracting(r -> r.run().groupName()).containsOnly("lr-search");
        assertThat(job.runs.get(0).run().groupId()).isNotEmpty().isEqualTo(job.runs.get(1).run().groupId());
    }

    @Test
    void theFitsInsideAMeasuredBlockAreARunNestedInTheBlocksRunAndEachHasItsOwnEnergy() throws Exception {
        Job job = run("measured-block", "");
        assertThat(job.runs).as(job.result.toString()).extracting(CallRecord::library).containsExactlyInAnyOrder("custom", "dl4j");
        CallRecord block = job.runs.stream().filter(r -> r.library().equals("custom")).findFirst().orElseThrow();
        CallRecord fits = job.runs.stream().filter(r -> r.library().equals("dl4j")).findFirst().orElseThrow();
        assertThat(block.model()).isEqualTo("prepare-and-train");
        assertThat(fits.run().calls()).isEqualTo(100);
        assertThat(fits.run().parentRunId()).isEqualTo(block.runId());
        assertThat(block.run().parentRunId()).isEmpty();
        assertThat(fits.totalJoules()).isGreaterThan(0);
        // the block's record holds its own 0.6 s of hashing, not the fits' energy a second time
        assertThat(block.totalJoules()).isGreaterThan(0);
        assertThat(block.durationSeconds()).isGreaterThan(fits.durationSeconds() + 0.5);
        assertThat(fits.startEpochMillis()).isGreaterThanOrEqualTo(block.startEpochMillis());
        assertThat(fits.endEpochMillis()).isLessThanOrEqualTo(block.endEpochMillis());
    }

    private static void assertGroupOfThreeRunsOfFiveFolds(Job job, String groupName) {
        assertThat(job.runs).as(job.result.toString()).hasSize(3);
        assertThat(job.runs).extracting(r -> r.run().calls()).containsOnly(5L);
        assertThat(job.runs).extracting(r -> r.run().groupName()).containsOnly(groupName);
        String groupId = job.runs.get(0).run().groupId();
        assertThat(groupId).isNotEmpty();
        assertThat(job.runs).extracting(r -> r.run().groupId()).containsOnly(groupId);
        assertThat(job.runs).extracting(CallRecord::configFingerprint).doesNotHaveDuplicates();
        String line = job.greenTrainLines().stream().filter(l -> l.startsWith("greentrain: group " + groupId)).findFirst()
                .orElseThrow(() -> new AssertionError("no group line in\n" + job.result));
        assertThat(line).contains(groupName + ": 3 runs, 15 calls");
        double sum = job.runs.stream().mapToDouble(CallRecord::totalJoules).sum();
        assertThat(line).as("the group's energy is its runs'").contains("s: " + HumanUnits.joules(sum));
    }
}
