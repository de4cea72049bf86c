package io.greentrain.subset.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import io.greentrain.subset.ProgressiveTraining;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** {@link CoresetDataSetIterator#fitProgressively}: what each step's {@code fit} is served, from one shared source. */
class Dl4jProgressiveTest {

    private static DataSet digits;
    private static int[] classCounts;

    @BeforeAll
    static void loadDigits() {
        Digits d = Digits.load();
        int[] labels = d.labels();
        float[][] oneHot = new float[labels.length][10];
        classCounts = new int[10];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i][labels[i]] = 1f;
            classCounts[labels[i]]++;
        }
        digits = new DataSet(Nd4j.create(d.features()), Nd4j.create(oneHot));
    }

    private static DataSetIterator source() {
        return new ExistingDataSetIterator(digits.copy().batchBy(100), Digits.ROWS, Digits.FEATURES, 10);
    }

    /** One epoch of {@code it}: the examples per class. */
    private static int[] epoch(DataSetIterator it) {
        int[] counts = new int[10];
        while (it.hasNext()) {
            DataSet batch = it.next();
            int[] labels = batch.getLabels().argMax(1).toIntVector();
            for (int label : labels) {
                counts[label]++;
            }
        }
        return counts;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    @Test
    void everyStepReadsTheSameSourceAndTheLastServesTheWholeDataset() {
        List<int[]> epochs = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = CoresetDataSetIterator.fitProgressively(source(), CoresetSelector.uniform().seed(4),
                ProgressiveTraining.schedule(0.02, 0.1, 0.5, 1.0), it -> {
                    epochs.add(epoch(it));
                    return epochs.size();
                }, m -> m); // grows by one per step: the whole schedule runs
        assertThat(epochs).extracting(Dl4jProgressiveTest::sum).containsExactly(36, 180, 899, Digits.ROWS);
        assertThat(epochs.get(3)).as("the full step serves every example once").containsExactly(classCounts);
        assertThat(r.converged()).isFalse();
        assertThat(r.finalFraction()).isEqualTo(1.0);
    }

    @Test
    void stopsAtTheFirstStepBelowTheGain() {
        List<Integer> served = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = CoresetDataSetIterator.fitProgressively(source(), CoresetSelector.stratified().seed(7),
                ProgressiveTraining.defaults(), it -> {
                    served.add(sum(epoch(it)));
                    return served.size();
                }, m -> 0.3 * Math.min(m, 2)); // 0.3, 0.6, 0.6: no gain at the third step, which stops the run
        assertThat(served).containsExactly(18, 36, 90);
        assertThat(r.converged()).isTrue();
        assertThat(r.finalFraction()).isEqualTo(0.05);
        assertThat(r.model()).isEqualTo(3);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        ProgressiveTraining schedule = ProgressiveTraining.defaults();
        CoresetSelector selector = CoresetSelector.uniform();
        assertThatThrownBy(() -> CoresetDataSetIterator.fitProgressively(source(), selector, null, it -> 1, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("schedule");
        assertThatThrownBy(() -> CoresetDataSetIterator.fitProgressively(source(), selector, schedule, null, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("fit");
        assertThatThrownBy(() -> CoresetDataSetIterator.fitProgressively(null, selector, schedule, it -> 1, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> CoresetDataSetIterator.fitProgressively(source(), selector, schedule, it -> 1, m -> Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out score = NaN at fraction 0.01");
    }
}
