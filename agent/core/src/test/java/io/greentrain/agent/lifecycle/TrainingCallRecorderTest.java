package io.greentrain.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.bootstrap.TrainingCallListener;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder's run and group keys and its mini-batch fast path, against a recording {@link TrainingCalls}. */
class TrainingCallRecorderTest {

    private final Recording calls = new Recording();
    private final TrainingCallRecorder recorder = new TrainingCallRecorder(calls);

    /** Stands in for a model object (a DL4J network, a Tribuo trainer). */
    static final class Model {
    }

    private void fit(Object model, Object... args) {
        Object token = recorder.callStarted("dl4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork", "fit", model, args);
        recorder.callEnded(token, null);
    }

    private void staticFit(Object... args) {
        Object token = recorder.callStarted("smile", "smile.classification.RandomForest", "fit", null, args);
        recorder.callEnded(token, null);
    }

    @Test
    void aMiniBatchLoopDescribesItsFirstCallOnlyAndCountsRows() {
        Model model = new Model();
        for (int i = 0; i < 200; i++) {
            fit(model, (Object) new double[32][4]);
        }
        assertThat(calls.started).hasSize(1);
        assertThat(calls.again).isEqualTo(199);
        assertThat(calls.againRows).containsOnly(32L);
        CallStart first = calls.started.get(0);
        assertThat(first.runKey()).startsWith("obj:" + Model.class.getName() + "@");
        assertThat(first.rows()).isEqualTo(32);
        assertThat(calls.ended).isEqualTo(200);
    }

    @Test
    void anEndedRunMakesTheNextCallDescribeItselfAgain() {
        Model model = new Model();
        fit(model);
        calls.refuseAgain = true; // the attributor ended the run (runs.gap)
        fit(model);
        fit(model);
        assertThat(calls.started).hasSize(2);
        assertThat(calls.started.get(1).runKey()).isEqualTo(calls.started.get(0).runKey());
    }

    @Test
    void twoModelsHaveTwoRunKeysAndAlternatingThemUsesTheKeys() {
        Model a = new Model();
        Model b = new Model();
        fit(a);
        fit(b);
        fit(a);
        assertThat(calls.started).hasSize(3);
        assertThat(calls.started.get(0).runKey()).isEqualTo(calls.started.get(2).runKey()).isNotEqualTo(calls.started.get(1).runKey());
    }

    @Test
    void staticFitsOutsideScopesAreRunsOfTheirOwn() {
        staticFit((Object) new double[10][2]);
        assertThat(calls.started.get(0).runKey()).isEmpty();
        assertThat(calls.started.get(0).groupKey()).isEmpty();
        assertThat(calls.started.get(0).rows()).isEqualTo(10);
    }

    @Test
    void anExplicitRunTakesEveryCallInsideItWhateverTheModel() {
        Object run = recorder.scopeEntered(TrainingCallListener.RUN_SCOPE, "nightly");
        fit(new Model());
        fit(new Model());
        staticFit();
        recorder.scopeExited(run);
        fit(new Model());
        assertThat(calls.started).hasSize(4);
        String key = calls.started.get(0).runKey();
        assertThat(key).startsWith("run:");
        assertThat(calls.started.subList(0, 3)).extracting(CallStart::runKey).containsOnly(key);
        assertThat(calls.started.subList(0, 3)).extracting(CallStart::runName).containsOnly("nightly");
        assertThat(calls.started.get(3).runKey()).isNotEqualTo(key);
        assertThat(calls.scopesEnded).containsExactly(key + " run");
    }

    @Test
    void consecutiveCrossValidationsOnAThreadAreOneGroupUntilAnotherGroupBegins() {
        List<String> groups = new ArrayList<>();
        for (int config = 0; config < 3; config++) {
            Model trainer = new Model();
            Object cv = recorder.scopeEntered(TrainingCallListener.LIBRARY_GROUP_SCOPE, "org.tribuo.evaluation.CrossValidation");
            for (int fold = 0; fold < 5; fold++) {
                Object token = recorder.callStarted("tribuo", "org.tribuo.classification.sgd.linear.LogisticRegressionTrainer", "train",
                        trainer, new Object[0]);
                recorder.callEnded(token, null);
            }
            recorder.scopeExited(cv);
            groups.add(calls.started.get(calls.started.size() - 1).groupKey());
        }
        assertThat(groups).doesNotContain("").containsOnly(groups.get(0));
        assertThat(calls.started.get(0).groupName()).isEqualTo("tribuo CrossValidation");
        assertThat(calls.started).extracting(CallStart::runKey).doesNotHaveDuplicates().hasSize(3);
        assertThat(calls.again).isEqualTo(12);
        assertThat(calls.scopesEnded).containsExactly(groups.get(0) + " run", groups.get(0) + " run", groups.get(0) + " run");

        Object search = recorder.scopeEntered(TrainingCallListener.GROUP_SCOPE, "search");
        assertThat(calls.scopesEnded).last().isEqualTo(groups.get(0) + " group");
        Object nested = recorder.scopeEntered(TrainingCallListener.LIBRARY_GROUP_SCOPE, "smile.validation.CrossValidation");
        staticFit((Object) new double[8][2]);
        staticFit((Object) new double[8][2]);
        recorder.scopeExited(nested);
        recorder.scopeExited(search);
        CallStart fold = calls.started.get(calls.started.size() - 1);
        assertThat(fold.groupName()).as("a helper inside an explicit group adds nothing").isEqualTo("search");
        assertThat(fold.runKey()).startsWith(fold.groupKey() + "|RandomForest#fit|");
        assertThat(calls.started.get(calls.started.size() - 2).runKey()).isEqualTo(fold.runKey());
        assertThat(calls.scopesEnded).last().isEqualTo(fold.groupKey() + " group");
    }

    @Test
    void aScopeChangeBetweenTwoCallsOfOneModelEndsTheFastPath() {
        Model model = new Model();
        fit(model);
        Object run = recorder.scopeEntered(TrainingCallListener.RUN_SCOPE, "tuned");
        fit(model);
        recorder.scopeExited(run);
        assertThat(calls.started).hasSize(2);
        assertThat(calls.started.get(1).runName()).isEqualTo("tuned");
    }

    @Test
    void aFitInsideAUsersBlockStartsAsTheBlocksChildAndItsBatchesKeepTheFastPath() {
        Model model = new Model();
        Object block = recorder.callStarted("custom", "io.greentrain.api.GreenTrain", "measure", null, new Object[] {"loop"});
        for (int i = 0; i < 50; i++) {
            fit(model, (Object) new double[8][2]);
        }
        recorder.callEnded(block, null);
        fit(model, (Object) new double[8][2]); // after the block: not its child, so described afresh
        assertThat(calls.started).extracting(CallStart::library).containsExactly("custom", "dl4j", "dl4j");
        assertThat(calls.parents).containsExactly(null, calls.handles.get(0), null);
        assertThat(calls.again).isEqualTo(49);
        assertThat(calls.ended).isEqualTo(52);
    }

    /** Records what the recorder reports. */
    static final class Recording implements TrainingCalls {
        final List<CallHandle> parents = new ArrayList<>();
        final List<CallHandle> handles = new ArrayList<>();
        final List<CallStart> started = new ArrayList<>();
        final List<Long> againRows = new ArrayList<>();
        final List<String> scopesEnded = new ArrayList<>();
        int again;
        int ended;
        boolean refuseAgain;

        @Override
        public CallHandle started(CallStart start) {
            return startedWithin(start, null);
        }

        @Override
        public CallHandle startedWithin(CallStart start, CallHandle parent) {
            started.add(start);
            parents.add(parent);
            CallHandle handle = new CallHandle() { };
            handles.add(handle);
            return handle;
        }

        @Override
        public CallHandle startedAgain(CallHandle previous, long rows) {
            if (refuseAgain) {
                refuseAgain = false;
                return null;
            }
            again++;
            againRows.add(rows);
            return previous;
        }

        @Override
        public void scopeEnded(String key, boolean endsGroup) {
            scopesEnded.add(key + (endsGroup ? " group" : " run"));
        }

        @Override
        public void epochEnded(CallHandle call, int epochsCompleted) {
        }

        @Override
        public void ended(CallHandle call, String outcome, String errorType) {
            ended++;
        }
    }
}
