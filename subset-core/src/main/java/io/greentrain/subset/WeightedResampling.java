package io.greentrain.subset;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Carries coreset weights to trainers without per-example weights by repeating rows (see {@link Resampling}).
 */
public final class WeightedResampling {

    private WeightedResampling() {
    }

    /**
     * How often each of the coreset's rows appears among {@code draws} resampled rows.
     *
     * @return counts aligned with {@code coreset.index(k)}, summing to {@code draws}
     */
    public static int[] counts(Coreset coreset, int draws, Resampling how, long seed) {
        Objects.requireNonNull(coreset, "coreset");
        return counts(coreset.weights(), draws, how, seed);
    }

    /**
     * How often each weight's row appears among {@code draws} rows drawn in proportion to the weights.
     *
     * @throws IllegalArgumentException if draws &lt;= 0, weights is empty, or a weight is negative or not finite
     */
    public static int[] counts(double[] weights, int draws, Resampling how, long seed) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(how, "how");
        if (draws <= 0) {
            throw new IllegalArgumentException("draws = " + draws + " must be positive");
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("empty data: weights.length = 0");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight[" + i + "] = " + weights[i] + " is not a finite, "
                        + "non-negative number");
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to " + total + "; nothing to resample");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] targets = new double[draws];
        if (how == Resampling.SYSTEMATIC) {
            double offset = random.nextDouble();
            for (int k = 0; k < draws; k++) {
                targets[k] = (offset + k) / draws;
            }
        } else {
            for (int k = 0; k < draws; k++) {
                targets[k] = random.nextDouble();
            }
            Arrays.sort(targets);
        }
        int[] counts = new int[weights.length];
        double cumulative = 0;
        int next = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length && next < draws; i++) {
            if (weights[i] > 0) {
                lastPositive = i;
            }
            cumulative += weights[i] / total;
            while (next < draws && targets[next] < cumulative) {
                counts[i]++;
                next++;
            }
        }
        if (next < draws) {
            // Σ w_i/Σw rounded to just below 1: the remaining targets belong to the last row with weight.
            if (lastPositive < 0) {
                lastPositive = weights.length - 1;
                while (weights[lastPositive] == 0) {
                    lastPositive--;
                }
            }
            counts[lastPositive] += draws - next;
        }
        return counts;
    }

    /**
     * The positions 0..counts.length−1, each repeated counts[k] times, in an order shuffled by {@code seed}
     * (Fisher–Yates), ready to be cut into mini-batches.
     */
    public static int[] expand(int[] counts, long seed) {
        Objects.requireNonNull(counts, "counts");
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] order = new int[total];
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                order[at++] = k;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
