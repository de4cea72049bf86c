package io.greentrain.agent.it.instrumentation;

import static io.greentrain.agent.it.instrumentation.Steps.assertCleanRun;
import static io.greentrain.agent.it.instrumentation.Steps.assertConcurrentCalls;
import static io.greentrain.agent.it.instrumentation.Steps.assertOneCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.TribuoJob;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tribuo 4.3.2, real training in forked JVMs (see {@link TribuoJob} for the steps). */
class TribuoInstrumentationIT {

    @TempDir
    static Path dir;

    static JobResult plain;
    static JobResult traced;
    static JobResult rapl;

    @BeforeAll
    static void runJob() throws Exception {
        ThreeRuns runs = ThreeRuns.of(() -> ForkedJvm.trainingJob(TribuoJob.class), dir, "");
        plain = runs.plain;
        traced = runs.traced;
        rapl = runs.rapl;
    }

    @Test
    void oneRecordPerCallWithEnergyOnTheEstimatePath() throws Exception {
        assertThat(Records.assertOnePerCall(traced, dir.resolve("estimate.jsonl"), "estimate")).hasSize(13);
    }

    @Test
    void oneRecordPerCallWithEnergyOnTheFixtureRaplTree() throws Exception {
        assertCleanRun(rapl);
        assertThat(rapl.allStarted()).hasSize(13);
        assertThat(Records.assertOnePerCall(rapl, dir.resolve("rapl.jsonl"), "rapl")).hasSize(13);
    }

    @Test
    void oneCallPerOutermostTrainCall() {
        assertCleanRun(traced);
        JobResult.Started lr = assertOneCall(traced, "lr", "tribuo:LogisticRegressionTrainer AbstractSGDTrainer#train", "success");
        assertThat(lr.thread).isEqualTo("main");
        assertThat(lr.data).isEqualTo("MutableDataset[rows=900,features=10,outputs=3]");
        assertOneCall(traced, "cart", "tribuo:CARTClassificationTrainer AbstractCARTTrainer#train", "success");
        // ensembles train their members on the calling thread: one call, not 1 + members
        assertOneCall(traced, "bagging", "tribuo:BaggingTrainer BaggingTrainer#train", "success");
        assertOneCall(traced, "adaboost", "tribuo:AdaBoostTrainer AdaBoostTrainer#train", "success");
    }

    @Test
    void eightThreadsTrainingConcurrentlyAreEightCalls() {
        assertConcurrentCalls(traced, "threads", "tribuo:LogisticRegressionTrainer AbstractSGDTrainer#train", 8);
    }

    @Test
    void aFailingTrainIsAnErrorCallAndTheCallerGetsTheSameException() {
        assertOneCall(traced, "error", "tribuo:LogisticRegressionTrainer AbstractSGDTrainer#train", "error");
        assertThat(traced.ended("error").get(0).errorType).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(plain.results().get("tribuo.error"))
                .isEqualTo("java.lang.IllegalArgumentException: The supplied invocationCount is less than zero.");
        assertThat(traced.results().get("tribuo.error")).isEqualTo(plain.results().get("tribuo.error"));
    }

    @Test
    void trainedModelsAreIdenticalWithAndWithoutTheAgent() {
        assertCleanRun(plain);
        assertThat(plain.results()).containsKeys("tribuo.lr", "tribuo.cart", "tribuo.bagging", "tribuo.adaboost", "tribuo.threads");
        assertThat(traced.stdout).isEqualTo(plain.stdout);
    }

    @Test
    void configurationFingerprintSpotsIdenticalTraining() {
        String lr = traced.started("lr").get(0).config;
        assertThat(lr).matches("[0-9a-f]{16}");
        assertThat(traced.started("threads")).allMatch(s -> s.config.equals(lr));
        assertThat(traced.started("cart").get(0).config).isNotEqualTo(lr).matches("[0-9a-f]{16}");
    }

    @Test
    void switchedOffTribuoInstrumentationSeesNothing() throws Exception {
        JobResult off = JobResult.run(ForkedJvm.trainingJob(TribuoJob.class).withAgent(AgentOptions.estimatePath(dir.resolve("off.jsonl"))
                + ",instrumentation.tribuo.enabled=false"));
        assertCleanRun(off);
        assertThat(off.allStarted()).isEmpty();
        assertThat(off.stdout).isEqualTo(plain.stdout);
    }
}
