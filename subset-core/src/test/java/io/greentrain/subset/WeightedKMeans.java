package io.greentrain.subset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted k-means for the quality tests: k-means++ seeding (Arthur &amp; Vassilvitskii 2007) with a fixed seed, then
 * Lloyd iterations. Weighted so that it can be fitted on a coreset, where each row stands for w rows.
 */
final class WeightedKMeans {

    private WeightedKMeans() {
    }

    /** φ(Q) = Σ w_i min_q ‖x_i − q‖². */
    static double cost(float[][] x, double[] weights, double[][] centres) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += (weights == null ? 1 : weights[i]) * nearest(x[i], centres)[1];
        }
        return total;
    }

    /** The full-data cost, computed directly. */
    static double cost(float[][] x, double[][] centres) {
        return cost(x, (double[]) null, centres);
    }

    /** φ_C(Q) of a coreset of x. */
    static double cost(float[][] x, Coreset coreset, double[][] centres) {
        double total = 0;
        for (int k = 0; k < coreset.size(); k++) {
            total += coreset.weight(k) * nearest(x[coreset.index(k)], centres)[1];
        }
        return total;
    }

    static double[][] fit(float[][] x, double[] weights, int k, long seed, int iterations) {
        double[][] centres = seed(x, weights, k, new SplittableRandom(seed));
        int d = x[0].length;
        for (int it = 0; it < iterations; it++) {
            double[][] sums = new double[k][d];
            double[] mass = new double[k];
            for (int i = 0; i < x.length; i++) {
                int c = (int) nearest(x[i], centres)[0];
                double w = weights == null ? 1 : weights[i];
                mass[c] += w;
                for (int j = 0; j < d; j++) {
                    sums[c][j] += w * x[i][j];
                }
            }
            boolean moved = false;
            for (int c = 0; c < k; c++) {
                if (mass[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        double updated = sums[c][j] / mass[c];
                        moved |= updated != centres[c][j];
                        centres[c][j] = updated;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        return centres;
    }

    /** Fits on the rows of a coreset with its weights. */
    static double[][] fit(float[][] x, Coreset coreset, int k, long seed, int iterations) {
        float[][] rows = new float[coreset.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = x[coreset.index(i)];
        }
        return fit(rows, coreset.weights(), k, seed, iterations);
    }

    private static double[][] seed(float[][] x, double[] weights, int k, SplittableRandom random) {
        int d = x[0].length;
        double[][] centres = new double[k][];
        double[] best = new double[x.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int first = pick(weights, null, x.length, random);
        centres[0] = toDouble(x[first]);
        for (int c = 1; c < k; c++) {
            for (int i = 0; i < x.length; i++) {
                best[i] = Math.min(best[i], Distances.squared(x[i], centres[c - 1]));
            }
            centres[c] = toDouble(x[pick(weights, best, x.length, random)]);
        }
        assert centres[0].length == d;
        return centres;
    }

    private static int pick(double[] weights, double[] distances, int n, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += (weights == null ? 1 : weights[i]) * (distances == null ? 1 : distances[i]);
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += (weights == null ? 1 : weights[i]) * (distances == null ? 1 : distances[i]);
            if (cumulative > target) {
                return i;
            }
        }
        return n - 1;
    }

    private static double[] nearest(float[] row, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = Distances.squared(row, centres[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return new double[] {best, bestDistance};
    }

    private static double[] toDouble(float[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j];
        }
        return out;
    }
}
