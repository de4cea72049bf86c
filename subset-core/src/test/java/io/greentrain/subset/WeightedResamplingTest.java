package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WeightedResamplingTest {

    private static final double[] WEIGHTS = {0.5, 3.0, 1.25, 0.0, 7.0, 2.25};

    @ParameterizedTest
    @EnumSource(Resampling.class)
    void expectedCountsAreProportionalToTheWeights(Resampling how) {
        int draws = 40;
        int seeds = 4000;
        double total = Arrays.stream(WEIGHTS).sum();
        double[] mean = new double[WEIGHTS.length];
        for (int seed = 0; seed < seeds; seed++) {
            int[] counts = WeightedResampling.counts(WEIGHTS, draws, how, seed);
            assertThat(Arrays.stream(counts).sum()).isEqualTo(draws);
            for (int i = 0; i < counts.length; i++) {
                mean[i] += counts[i] / (double) seeds;
            }
        }
        for (int i = 0; i < WEIGHTS.length; i++) {
            double expected = draws * WEIGHTS[i] / total;
            // multinomial s.d. of a count ≤ sqrt(draws/4) = 3.2, so its mean over 4000 seeds has s.e. ≤ 0.05
            assertThat(mean[i]).as("row %d", i).isCloseTo(expected, within(0.2));
        }
    }

    @Test
    void systematicCountsAreTheFloorOrCeilingOfTheExpectedCount() {
        double total = Arrays.stream(WEIGHTS).sum();
        for (int seed = 0; seed < 200; seed++) {
            int[] counts = WeightedResampling.counts(WEIGHTS, 33, Resampling.SYSTEMATIC, seed);
            for (int i = 0; i < WEIGHTS.length; i++) {
                double expected = 33 * WEIGHTS[i] / total;
                assertThat((double) counts[i]).isBetween(Math.floor(expected), Math.ceil(expected));
            }
        }
    }

    @Test
    void expandRepeatsEachPositionByItsCountInAShuffledOrder() {
        int[] counts = {2, 0, 3, 1};
        int[] order = WeightedResampling.expand(counts, 5);
        assertThat(order).hasSize(6);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 0, 2, 2, 2, 3);
        assertThat(WeightedResampling.expand(counts, 5)).containsExactly(order);
    }

    @Test
    void badWeightsAreRejectedByValue() {
        assertThatThrownBy(() -> WeightedResampling.counts(new double[] {1, -2}, 3, Resampling.SYSTEMATIC, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight[1] = -2.0");
        assertThatThrownBy(() -> WeightedResampling.counts(new double[] {1, Double.NaN}, 3, Resampling.MULTINOMIAL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight[1] = NaN");
        assertThatThrownBy(() -> WeightedResampling.counts(new double[] {1}, 0, Resampling.SYSTEMATIC, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draws = 0");
        assertThatThrownBy(() -> WeightedResampling.counts(new double[0], 3, Resampling.SYSTEMATIC, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights.length = 0");
    }
}
