package io.greentrain.subset.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import io.greentrain.subset.ProgressiveTraining;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

/** {@link SmileCoresets#fitProgressively}: the schedule as the trainer sees it, and a real Smile model at its end. */
class SmileProgressiveTest {

    private final Digits digits = Digits.load();
    private final double[][] x = digits.featuresAsDouble();
    private final int[] y = digits.labels();

    private static int[] classCounts(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void theScheduleGrowsStepByStepAndItsLastStepIsTheWholeDataset() {
        List<int[]> seen = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = SmileCoresets.fitProgressively(x, y, CoresetSelector.uniform().seed(9),
                (rows, labels) -> {
                    assertThat(rows).hasNumberOfRows(labels.length);
                    seen.add(labels);
                    return labels.length;
                }, ProgressiveTraining.schedule(0.05, 0.25, 1.0), m -> m); // the score grows with the rows: never stops
        assertThat(seen).extracting(labels -> labels.length).containsExactly(90, 449, Digits.ROWS);
        assertThat(r.converged()).isFalse();
        assertThat(r.finalFraction()).isEqualTo(1.0);
        assertThat(r.model()).isEqualTo(Digits.ROWS);
        // the full step is the data itself: every row once, so every class as often as in the data
        assertThat(classCounts(seen.get(2))).containsExactly(classCounts(y));
        assertThat(x).as("the caller's rows are not modified").isDeepEqualTo(digits.featuresAsDouble());
    }

    @Test
    void stopsAtTheFirstStepBelowTheGainWithARealSmileModel() {
        List<Integer> sizes = new ArrayList<>();
        double[] curve = {0.5, 0.8, 0.803};
        ProgressiveTraining.Result<LogisticRegression> r = SmileCoresets.fitProgressively(x, y,
                CoresetSelector.stratified().seed(1), (rows, labels) -> {
                    sizes.add(labels.length);
                    return LogisticRegression.fit(rows, labels);
                }, ProgressiveTraining.schedule(0.1, 0.2, 0.4, 1.0), m -> curve[sizes.size() - 1]);
        assertThat(sizes).as("no step trained after the one that stopped the run").containsExactly(180, 359, 719);
        assertThat(r.converged()).isTrue();
        assertThat(r.finalFraction()).isEqualTo(0.4);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += r.model().predict(x[i]) == y[i] ? 1 : 0;
        }
        assertThat(correct / (double) x.length).as("the model of the last step, trained on 40 % of the digits").isGreaterThan(0.9);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        ProgressiveTraining schedule = ProgressiveTraining.defaults();
        CoresetSelector selector = CoresetSelector.uniform();
        assertThatThrownBy(() -> SmileCoresets.fitProgressively(x, y, selector, (rows, labels) -> 1, null, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("schedule");
        assertThatThrownBy(() -> SmileCoresets.fitProgressively(x, y, selector, (rows, labels) -> 1, schedule, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("heldOut");
        assertThatThrownBy(() -> SmileCoresets.fitProgressively(x, y, null, (rows, labels) -> 1, schedule, m -> 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("selector");
        assertThatThrownBy(() -> SmileCoresets.fitProgressively(x, new int[5], selector, (rows, labels) -> 1, schedule, m -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
        assertThatThrownBy(() -> SmileCoresets.fitProgressively(x, y, selector, (rows, labels) -> 1, schedule, m -> Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out score = -Infinity at fraction 0.01");
    }
}
