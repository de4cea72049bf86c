package io.greentrain.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import io.greentrain.agent.instrumentation.InstrumentationInstaller;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tribuo.Dataset;
import org.tribuo.fixture.FixtureEnsemble;
import org.tribuo.fixture.FixtureTrainer;
import smile.classification.FixtureLabels;
import smile.classification.FixtureModel;
import smile.classification.OneVersusRest;

/**
 * The counting rules, in-process: the real installer instruments fixture classes named like the libraries' (the
 * matchers use names only), and the real {@link TrainingCallRecorder} reports to a recording {@link TrainingCalls}.
 * The same rules on the real libraries, in forked JVMs with the agent jar, are agent/dist's it/instrumentation ITs.
 */
class InstrumentationRulesTest {

    private static final RecordingCalls CALLS = new RecordingCalls();

    @BeforeAll
    static void installAgent() {
        InstrumentationInstaller.install(ByteBuddyAgent.install(), GreenTrainConfig.defaults(), false);
        TrainingCallBridge.install(new TrainingCallRecorder(CALLS));
    }

    @BeforeEach
    void clear() {
        CALLS.clear();
        FixtureModel.TRAINED_ON.clear();
    }

    @Test
    void delegatingSmileOverloadsAreOneCall() {
        FixtureModel.fit(new double[3][2], new int[3]);

        assertThat(CALLS.started()).containsExactly("smile:FixtureModel FixtureModel#fit on main");
        assertThat(CALLS.starts.get(0).dataFingerprint()).isEqualTo("double[3][2],int[3]");
        assertThat(CALLS.outcomes).containsExactly("success");
    }

    @Test
    void aStaticFitThatReturnsNoModelIsNoCall() {
        FixtureLabels.fit(new int[3]);
        assertThat(CALLS.started()).isEmpty();
    }

    @Test
    void oneVersusRestFanOutToForkJoinWorkersIsOneCall() throws Exception {
        OneVersusRest.fit(new double[3][2], new int[3], (x, y) -> FixtureModel.fit(x, y));

        assertThat(FixtureModel.TRAINED_ON).hasSize(4).anyMatch(thread -> thread.contains("ForkJoinPool"));
        assertThat(CALLS.started()).containsExactly("smile:OneVersusRest OneVersusRest#fit on main");
    }

    @Test
    void independentFitsTheApplicationRunsOnAForkJoinPoolAreCallsEach() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.submit(() -> IntStream.range(0, 4).parallel().forEach(i -> FixtureModel.fit(new double[3][2], new int[3]))).get();
        } finally {
            pool.shutdown();
        }
        assertThat(CALLS.started()).hasSize(4).allMatch(s -> s.startsWith("smile:FixtureModel FixtureModel#fit on "));
    }

    @Test
    void anExceptionReachesTheCallerUnchangedAndTheCallIsAnError() {
        IllegalArgumentException[] thrown = new IllegalArgumentException[1];
        assertThatThrownBy(() -> {
            try {
                FixtureModel.fit(new double[3][2], new int[2]);
            } catch (IllegalArgumentException e) {
                thrown[0] = e;
                throw e;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("The sizes of X and Y don't match: 3 != 2");
        assertThat(CALLS.outcomes).containsExactly("error java.lang.IllegalArgumentException");
    }

    @Test
    void inheritedTribuoTrainIsInstrumentedAndNamedAfterTheConcreteTrainer() {
        new FixtureTrainer().train(new Dataset());

        assertThat(CALLS.started()).containsExactly("tribuo:FixtureTrainer AbstractFixtureTrainer#train on main");
        assertThat(CALLS.starts.get(0).dataFingerprint()).isEqualTo("Dataset[rows=7,features=4,outputs=2]");
        assertThat(CALLS.starts.get(0).configFingerprint()).isEqualTo(CallDescriber.hash("FixtureTrainer(epochs=5,seed=42)"));
    }

    @Test
    void anEnsembleTrainingItsMembersOnTheSameThreadIsOneCall() {
        new FixtureEnsemble(new FixtureTrainer()).train(new Dataset());
        assertThat(CALLS.started()).containsExactly("tribuo:FixtureEnsemble FixtureEnsemble#train on main");
    }

    @Test
    void iteratorFitWithEpochsIsOneCallCountingItsEpochs() {
        MultiLayerNetwork network = new MultiLayerNetwork();
        network.fit(iterator(), 3);

        assertThat(CALLS.started()).containsExactly("dl4j:MultiLayerNetwork MultiLayerNetwork#fit on main");
        assertThat(CALLS.starts.get(0).epochsPlanned()).isEqualTo(3);
        assertThat(CALLS.epochs).containsExactly(1, 2, 3);

        CALLS.clear();
        network.incrementEpochCount(); // outside any training call: nobody's epoch
        assertThat(CALLS.epochs).isEmpty();
    }

    @Test
    void dl4jConfigurationFingerprintIgnoresTheRunningCounters() {
        MultiLayerNetwork trained = new MultiLayerNetwork();
        trained.fit(iterator(), 2);
        CallDescriber describer = new CallDescriber();
        String fresh = describer.configFingerprint("dl4j", new MultiLayerNetwork(), new Object[0]);
        assertThat(fresh).matches("[0-9a-f]{16}");
        assertThat(describer.configFingerprint("dl4j", trained, new Object[0])).isEqualTo(fresh);
    }

    @Test
    void parallelWrapperWorkerFitsArePartOfTheWrapperCall() throws Exception {
        new ParallelWrapper().fit(iterator());

        assertThat(CALLS.started()).containsExactly("dl4j:ParallelWrapper ParallelWrapper#fit on main");
        assertThat(CALLS.starts.get(0).epochsPlanned()).isEqualTo(1);
    }

    @Test
    void aWorkerOutsideAnyWrapperIsNotSwallowed() throws Exception {
        // the fan-out rule is structural (the worker task), not "some call is active on another thread"
        new MultiLayerNetwork().fit(new double[2][3]);
        assertThat(CALLS.started()).hasSize(1);
    }

    private static DataSetIterator iterator() {
        return () -> 4;
    }

    /** The exporter side of the boundary, recording what the agent reports. */
    static final class RecordingCalls implements TrainingCalls {
        final List<CallStart> starts = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> epochs = Collections.synchronizedList(new ArrayList<>());
        final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CallHandle started(CallStart start) {
            starts.add(start);
            return CallHandle.UNTRACKED;
        }

        @Override
        public void epochEnded(CallHandle call, int epochsCompleted) {
            epochs.add(epochsCompleted);
        }

        @Override
        public void ended(CallHandle call, String outcome, String errorType) {
            outcomes.add(errorType.isEmpty() ? outcome : outcome + " " + errorType);
        }

        List<String> started() {
            synchronized (starts) {
                return starts.stream().map(CallStart::toString).collect(Collectors.toList());
            }
        }

        void clear() {
            starts.clear();
            epochs.clear();
            outcomes.clear();
        }
    }
}
