package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressiveTrainingTest {

    private final Digits digits = Digits.load();

    /** A learning curve that rises by 10, 5, 2, 0.3 points: the rule must stop at the 0.3-point step. */
    @Test
    void stopsAtTheFirstStepWhoseGainIsBelowTheThreshold() {
        double[] curve = {0.50, 0.60, 0.65, 0.67, 0.673, 0.80};
        List<Integer> sizes = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = ProgressiveTraining.schedule(0.01, 0.02, 0.05, 0.1, 0.2, 1.0)
                .minGain(0.005)
                .run(CoresetSelector.uniform().seed(3), s -> {
                    Coreset c = s.select(digits.features(), digits.labels());
                    sizes.add(c.size());
                    return sizes.size() - 1;
                }, step -> curve[step]);
        assertThat(r.converged()).isTrue();
        assertThat(r.steps()).hasSize(5);
        assertThat(r.finalFraction()).isEqualTo(0.2);
        assertThat(r.model()).isEqualTo(4);
        assertThat(sizes).containsExactly(18, 36, 90, 180, 359);
    }

    @Test
    void runsTheWholeScheduleWhileEveryStepPays() {
        ProgressiveTraining.Result<Double> r = ProgressiveTraining.schedule(0.1, 0.5, 1.0)
                .run(CoresetSelector.uniform(), s -> s.select(digits.features()).keptFraction(), f -> f);
        assertThat(r.converged()).isFalse();
        assertThat(r.finalFraction()).isEqualTo(1.0);
        assertThat(r.steps()).extracting(ProgressiveTraining.Step::fraction).containsExactly(0.1, 0.5, 1.0);
    }

    @Test
    void badSchedulesAndScoresAreRejectedByValue() {
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.1, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction[1] = 0.05");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.1, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction[1] = 1.5");
        assertThatThrownBy(() -> ProgressiveTraining.defaults().minGain(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minGain = -1.0");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.5).run(CoresetSelector.uniform(), s -> 1, m -> Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out score = NaN");
    }
}
