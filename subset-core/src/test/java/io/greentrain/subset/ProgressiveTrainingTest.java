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

    @Test
    void everyOutOfRangeFractionAndGainIsNamedInTheMessage() {
        assertThatThrownBy(() -> ProgressiveTraining.schedule()).hasMessageContaining("no fractions");
        assertThatThrownBy(() -> ProgressiveTraining.schedule((double[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("fractions");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.0, 0.5)).hasMessageContaining("fraction[0] = 0.0 is not in (0, 1]");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(-0.1)).hasMessageContaining("fraction[0] = -0.1");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.1, Double.NaN)).hasMessageContaining("fraction[1] = NaN");
        assertThatThrownBy(() -> ProgressiveTraining.schedule(0.1, 0.2, 0.2))
                .hasMessageContaining("fraction[2] = 0.2 does not grow from fraction[1] = 0.2");
        assertThatThrownBy(() -> ProgressiveTraining.defaults().minGain(Double.NaN)).hasMessageContaining("minGain = NaN");
        assertThatThrownBy(() -> ProgressiveTraining.defaults().minGain(Double.POSITIVE_INFINITY))
                .hasMessageContaining("minGain = Infinity");
        ProgressiveTraining schedule = ProgressiveTraining.schedule(0.5);
        assertThatThrownBy(() -> schedule.run(null, s -> 1, m -> 1)).hasMessageContaining("selector");
        assertThatThrownBy(() -> schedule.run(CoresetSelector.uniform(), null, m -> 1)).hasMessageContaining("train");
        assertThatThrownBy(() -> schedule.run(CoresetSelector.uniform(), s -> 1, null)).hasMessageContaining("heldOut");
    }

    @Test
    void theDefaultScheduleIsTheDocumentedOneAndEndsAtTheFullSet() {
        ProgressiveTraining defaults = ProgressiveTraining.defaults();
        assertThat(defaults.fractions()).containsExactly(0.01, 0.02, 0.05, 0.10, 0.20, 0.50, 1.0);
        assertThat(defaults.minGain()).isEqualTo(0.005);
        List<Integer> sizes = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = defaults.run(CoresetSelector.uniform().seed(1), s -> {
            sizes.add(s.select(digits.features()).size());
            return sizes.size();
        }, m -> m); // +1 per step: never below the gain
        // m = max(1, round(f n)) per step, growing every step, and the whole data set at the end
        assertThat(sizes).containsExactly(18, 36, 90, 180, 359, 899, Digits.ROWS);
        assertThat(r.steps()).hasSize(7);
        assertThat(r.finalFraction()).isEqualTo(1.0);
        assertThat(r.converged()).isFalse();
    }

    @Test
    void theScheduleIsACopyOfTheCallersArray() {
        double[] fractions = {0.1, 0.5, 1.0};
        ProgressiveTraining schedule = ProgressiveTraining.schedule(fractions).minGain(0.02);
        fractions[0] = 0.9;
        schedule.fractions()[1] = 0.0;
        assertThat(schedule.fractions()).containsExactly(0.1, 0.5, 1.0);
        assertThat(schedule.minGain()).isEqualTo(0.02);
        assertThat(schedule.minGain(0).fractions()).containsExactly(0.1, 0.5, 1.0);
    }

    /** "Below the gain" is strict: a gain exactly at it continues, a drop in score stops the run at once. */
    @Test
    void aGainAtTheThresholdContinuesAndADropStops() {
        double[] curve = {0.5, 0.75, 0.70, 0.99};
        List<Integer> trained = new ArrayList<>();
        ProgressiveTraining.Result<Integer> r = ProgressiveTraining.schedule(0.25, 0.5, 0.75, 1.0).minGain(0.25)
                .run(CoresetSelector.uniform(), s -> {
                    trained.add(s.select(digits.features()).size());
                    return trained.size() - 1;
                }, step -> curve[step]);
        assertThat(trained).as("rows trained per step").containsExactly(449, 899, 1348);
        assertThat(r.converged()).isTrue();
        assertThat(r.finalFraction()).isEqualTo(0.75);
        assertThat(r.model()).as("the last step's model, as documented").isEqualTo(2);
        assertThat(r.steps()).extracting(ProgressiveTraining.Step::score).containsExactly(0.5, 0.75, 0.70);
        assertThatThrownBy(() -> r.steps().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
