package io.greentrain.subset.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import io.greentrain.subset.ProgressiveTraining;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;

/** {@link TribuoCoresets#trainProgressively}: the schedule as the trainer sees it, with real Tribuo trainers. */
class TribuoProgressiveTest {

    private final Digits digits = Digits.load();
    private MutableDataset<Label> dataset;

    @BeforeEach
    void buildDataset() {
        LabelFactory factory = new LabelFactory();
        dataset = new MutableDataset<>(new SimpleDataSourceProvenance("digits", factory), factory);
        float[][] x = digits.features();
        int[] y = digits.labels();
        String[] names = new String[Digits.FEATURES];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("p%02d", j);
        }
        for (int i = 0; i < x.length; i++) {
            double[] values = new double[Digits.FEATURES];
            for (int j = 0; j < values.length; j++) {
                values[j] = x[i][j] / 16.0;
            }
            dataset.add(new ArrayExample<>(new Label(Integer.toString(y[i])), names, values));
        }
    }

    /** Wraps a trainer and records the size of every dataset it is given (one entry per training, i.e. per step). */
    private static final class Recording implements Trainer<Label> {
        final Trainer<Label> inner;
        final List<Integer> sizes = new ArrayList<>();

        Recording(Trainer<Label> inner) {
            this.inner = inner;
        }

        @Override
        public Model<Label> train(Dataset<Label> examples, java.util.Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> runProvenance) {
            sizes.add(examples.size());
            return inner.train(examples, runProvenance);
        }

        @Override
        public Model<Label> train(Dataset<Label> examples, java.util.Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> runProvenance,
                                  int invocationCount) {
            return train(examples, runProvenance);
        }

        @Override
        public int getInvocationCount() {
            return inner.getInvocationCount();
        }

        @Override
        public void setInvocationCount(int count) {
            inner.setInvocationCount(count);
        }

        @Override
        public TrainerProvenance getProvenance() {
            return inner.getProvenance();
        }
    }

    @Test
    void theScheduleGrowsStepByStepUpToTheWholeDataset() {
        Recording trainer = new Recording(DummyClassifierTrainer.createMostFrequentTrainer());
        List<Integer> scores = new ArrayList<>();
        ProgressiveTraining.Result<Model<Label>> r = TribuoCoresets.trainProgressively(trainer, dataset,
                CoresetSelector.uniform().seed(5), ProgressiveTraining.defaults(), m -> {
                    scores.add(scores.size());
                    return scores.size(); // +1 per step: every step pays, the schedule runs to its end
                });
        // a trainer without example weights gets the coreset's rows repeated: m = max(1, round(f n)) rows per step
        assertThat(trainer.sizes).containsExactly(18, 36, 90, 180, 359, 899, Digits.ROWS);
        assertThat(r.converged()).isFalse();
        assertThat(r.finalFraction()).isEqualTo(1.0);
        assertThat(r.steps()).extracting(ProgressiveTraining.Step::fraction).containsExactly(ProgressiveTraining.DEFAULT_FRACTIONS[0],
                0.02, 0.05, 0.10, 0.20, 0.50, 1.0);
        assertThat(r.steps()).extracting(ProgressiveTraining.Step::score).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        assertThat(r.model()).isNotNull();
    }

    @Test
    void aWeightedTrainerStopsWhereTheHeldOutAccuracyStopsRisingAndNoStepIsTrainedAfterIt() {
        Recording trainer = new Recording(new LogisticRegressionTrainer());
        double[] curve = {0.40, 0.70, 0.702, 0.99};
        ProgressiveTraining.Result<Model<Label>> r = TribuoCoresets.trainProgressively(trainer, dataset,
                CoresetSelector.stratified().seed(2), ProgressiveTraining.schedule(0.05, 0.1, 0.2, 1.0).minGain(0.01),
                m -> curve[trainer.sizes.size() - 1]);
        assertThat(trainer.sizes).as("trained steps").hasSize(3);
        // LogisticRegressionTrainer honours weights: the coreset's examples once each, with their weights
        assertThat(trainer.sizes).containsExactly(90, 180, 359);
        assertThat(r.converged()).isTrue();
        assertThat(r.finalFraction()).isEqualTo(0.2);
        assertThat(r.steps()).extracting(ProgressiveTraining.Step::score).containsExactly(0.40, 0.70, 0.702);
    }

    @Test
    void missingArgumentsAreRejectedByNameBeforeAnyTraining() {
        Recording trainer = new Recording(DummyClassifierTrainer.createMostFrequentTrainer());
        CoresetSelector selector = CoresetSelector.uniform();
        ProgressiveTraining schedule = ProgressiveTraining.defaults();
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(trainer, dataset, selector, null, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("schedule");
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(trainer, dataset, selector, schedule, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("heldOut");
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(null, dataset, selector, schedule, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("trainer");
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(trainer, null, selector, schedule, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("dataset");
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(trainer, dataset, null, schedule, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("selector");
        assertThat(trainer.sizes).isEmpty();
        assertThatThrownBy(() -> TribuoCoresets.trainProgressively(trainer, dataset, selector, schedule, m -> Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out score = NaN at fraction 0.01");
    }
}
