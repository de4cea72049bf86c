package io.greentrain.subset.smile;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.Seeds;
import io.greentrain.subset.WeightScale;
import io.greentrain.subset.WeightedResampling;

/**
 * The rows of a coreset as plain arrays, as Smile's array-based trainers take them, with their weights. Rows are
 * copies: a trainer that changes them does not change the caller's data. Uses no Smile type, so it works with any
 * Smile version (3.x, 4.x, 5.x, 6.x).
 */
public final class WeightedRows {

    private final Coreset coreset;
    private final double[][] x;
    private final int[] y;
    private final double[] response;
    private final double[] weights;

    WeightedRows(Coreset coreset, double[][] x, int[] y, double[] response, double[] weights) {
        this.coreset = coreset;
        this.x = x;
        this.y = y;
        this.response = response;
        this.weights = weights;
    }

    static WeightedRows of(Coreset coreset, double[][] sourceX, int[] sourceY, double[] sourceResponse) {
        int m = coreset.size();
        double[][] x = new double[m][];
        int[] y = sourceY == null ? null : new int[m];
        double[] response = sourceResponse == null ? null : new double[m];
        for (int k = 0; k < m; k++) {
            int i = coreset.index(k);
            x[k] = sourceX[i].clone();
            if (y != null) {
                y[k] = sourceY[i];
            }
            if (response != null) {
                response[k] = sourceResponse[i];
            }
        }
        return new WeightedRows(coreset, x, y, response, coreset.weights());
    }

    /** The selected indices and weights. */
    public Coreset coreset() {
        return coreset;
    }

    /** The selected feature rows. */
    public double[][] x() {
        return x;
    }

    /** The class labels of the selected rows, or null for regression. */
    public int[] y() {
        return y;
    }

    /** The regression targets of the selected rows, or null for classification. */
    public double[] response() {
        return response;
    }

    /** Population-scale weights (Σ w ≈ n), for {@code RidgeRegression.fit(formula, data, weights, ...)}. */
    public double[] weights() {
        return weights.clone();
    }

    /** The weights on the given scale. */
    public double[] weights(WeightScale scale) {
        return coreset.weights(scale);
    }

    /**
     * Unweighted rows for trainers that take no weights: each row repeated ⌊m·w/Σw⌋ or ⌈m·w/Σw⌉ times (systematic
     * resampling, m = the coreset's draws), in a shuffled order; every weight becomes Σw/m.
     */
    public WeightedRows replicate(long seed) {
        int draws = coreset.draws();
        int[] counts = WeightedResampling.counts(weights, draws, Resampling.SYSTEMATIC, Seeds.derive(seed, 0));
        int[] order = WeightedResampling.expand(counts, Seeds.derive(seed, 1));
        double[][] rx = new double[order.length][];
        int[] ry = y == null ? null : new int[order.length];
        double[] rr = response == null ? null : new double[order.length];
        double total = coreset.totalWeight();
        double[] rw = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            int p = order[k];
            rx[k] = x[p].clone();
            if (ry != null) {
                ry[k] = y[p];
            }
            if (rr != null) {
                rr[k] = response[p];
            }
            rw[k] = total / order.length;
        }
        return new WeightedRows(coreset, rx, ry, rr, rw);
    }
}
