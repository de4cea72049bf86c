package io.greentrain.agent.it.instrumentation;

import static io.greentrain.agent.it.instrumentation.Steps.assertCleanRun;
import static io.greentrain.agent.it.instrumentation.Steps.assertOneCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.Dl4jJob;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL4J 1.0.0-M2.1 (nd4j-native CPU), real training in forked JVMs (see {@link Dl4jJob} for the steps). */
class Dl4jInstrumentationIT {

    @TempDir
    static Path dir;

    static JobResult plain;
    static JobResult traced;
    static JobResult rapl;

    @BeforeAll
    static void runJob() throws Exception {
        ThreeRuns runs = ThreeRuns.of(() -> ForkedJvm.trainingJob(Dl4jJob.class), dir, "");
        plain = runs.plain;
        traced = runs.traced;
        rapl = runs.rapl;
    }

    @Test
    void oneRecordPerCallWithEnergyOnTheEstimatePath() throws Exception {
        List<CallRecord> records = Records.assertOnePerCall(traced, dir.resolve("estimate.jsonl"), "estimate");
        assertThat(records).hasSize(6);
        // epochs reach the record: fit(iterator, 3) planned and ran 3, early stopping ran 2
        assertThat(records).anyMatch(r -> r.model().equals("MultiLayerNetwork") && r.epochsPlanned() == 3 && r.epochs() == 3)
                .anyMatch(r -> r.model().equals("ComputationGraph") && r.epochsPlanned() == 2 && r.epochs() == 2)
                .anyMatch(r -> r.model().equals("EarlyStoppingTrainer") && r.epochs() == 2);
    }

    @Test
    void oneRecordPerCallWithEnergyOnTheFixtureRaplTree() throws Exception {
        assertCleanRun(rapl);
        assertThat(Records.assertOnePerCall(rapl, dir.resolve("rapl.jsonl"), "rapl")).hasSize(6);
    }

    @Test
    void iteratorFitWithEpochsIsOneCallWithItsEpochs() {
        assertCleanRun(traced);
        // fit(iterator, 3) → fit(iterator) ×3 on the same thread: one call, three epoch boundaries
        JobResult.Started mln = assertOneCall(traced, "mln", "dl4j:MultiLayerNetwork MultiLayerNetwork#fit", "success");
        assertThat(mln.epochsPlanned).isEqualTo(3);
        assertThat(mln.data).isEqualTo("ListDataSetIterator[batch=50,in=10,out=3]");
        assertThat(traced.ended("mln").get(0).epochs).isEqualTo(3);

        JobResult.Started cg = assertOneCall(traced, "cg", "dl4j:ComputationGraph ComputationGraph#fit", "success");
        assertThat(cg.epochsPlanned).isEqualTo(2);
        assertThat(traced.ended("cg").get(0).epochs).isEqualTo(2);
    }

    @Test
    void singleMinibatchFitIsOneCallWithoutEpochs() {
        JobResult.Started minibatch = assertOneCall(traced, "minibatch", "dl4j:MultiLayerNetwork MultiLayerNetwork#fit", "success");
        assertThat(minibatch.epochsPlanned).isEqualTo(-1);
        assertThat(minibatch.data).isEqualTo("DataSet[features=[600x10],labels=[600x3]]");
        assertThat(traced.ended("minibatch").get(0).epochs).isZero();
    }

    @Test
    void earlyStoppingIsOneCallCountingItsEpochs() {
        // per-minibatch net.fit(DataSet) inside is nested; epochs come from triggerEpochListeners
        assertOneCall(traced, "early-stopping", "dl4j:EarlyStoppingTrainer BaseEarlyStoppingTrainer#fit", "success");
        assertThat(traced.ended("early-stopping").get(0).epochs).isEqualTo(2);
        assertThat(traced.results().get("dl4j.early-stopping")).isEqualTo("2");
    }

    @Test
    void parallelWrapperWorkersAreFanOutNotCalls() {
        // the replicas' fit(DataSet) run on "ParallelWrapper training thread N": part of the wrapper's call
        JobResult.Started wrapper = assertOneCall(traced, "parallel", "dl4j:ParallelWrapper ParallelWrapper#fit", "success");
        assertThat(wrapper.thread).isEqualTo("main");
        assertThat(traced.allStarted()).noneMatch(s -> s.thread.startsWith("ParallelWrapper"));
    }

    @Test
    void aFailingFitIsAnErrorCallAndTheCallerGetsTheSameException() {
        assertOneCall(traced, "error", "dl4j:MultiLayerNetwork MultiLayerNetwork#fit", "error");
        assertThat(traced.ended("error").get(0).errorType).isEqualTo("org.deeplearning4j.exception.DL4JInvalidInputException");
        assertThat(plain.results().get("dl4j.error")).startsWith("org.deeplearning4j.exception.DL4JInvalidInputException: Input size");
        assertThat(traced.results().get("dl4j.error")).isEqualTo(plain.results().get("dl4j.error"));
    }

    @Test
    void trainedModelsAreIdenticalWithAndWithoutTheAgent() {
        assertCleanRun(plain);
        assertThat(plain.results()).containsKeys("dl4j.mln", "dl4j.minibatch", "dl4j.cg");
        assertThat(traced.stdout).isEqualTo(plain.stdout);
    }

    @Test
    void configurationFingerprintIsTheNetworkConfiguration() {
        String mln = traced.started("mln").get(0).config;
        assertThat(mln).matches("[0-9a-f]{16}");
        // same configuration: same fingerprint, also for another instance behind another entry point (the wrapper's model)
        assertThat(traced.started("minibatch").get(0).config).isEqualTo(mln);
        assertThat(traced.started("parallel").get(0).config).isEqualTo(mln);
        assertThat(traced.started("cg").get(0).config).isNotEqualTo(mln).matches("[0-9a-f]{16}");
    }
}
