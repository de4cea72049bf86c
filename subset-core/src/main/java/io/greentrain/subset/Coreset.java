package io.greentrain.subset;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable weighted subset of a data set: distinct row indices in ascending order, one positive weight per index,
 * and how it was made (method, seed, size of the source, number of draws).
 *
 * <p>Weights are on the population scale: for the sampling methods Σ w_i f(x_i) over the coreset is an unbiased
 * estimate of Σ f(x) over all n rows, so Σ w ≈ n. A with-replacement method (lightweight, archetypal) may draw a row
 * several times; the draws are merged into one index whose weight is the sum of the per-draw weights, so
 * {@link #size()} ≤ {@link #draws()}.
 */
public final class Coreset {

    private final SelectionMethod method;
    private final long seed;
    private final long sourceRows;
    private final int draws;
    private final int[] indices;
    private final double[] weights;

    /** Trusts its arguments: callers in this package hand over arrays they no longer touch. */
    Coreset(SelectionMethod method, long seed, long sourceRows, int draws, int[] indices, double[] weights) {
        this.method = Objects.requireNonNull(method, "method");
        this.seed = seed;
        this.sourceRows = sourceRows;
        this.draws = draws;
        this.indices = indices;
        this.weights = weights;
    }

    /** The method that selected this coreset. */
    public SelectionMethod method() {
        return method;
    }

    /** The seed it was selected with; the same inputs and seed give the same coreset. */
    public long seed() {
        return seed;
    }

    /** n, the number of rows of the data it was selected from. */
    public long sourceRows() {
        return sourceRows;
    }

    /** m, the requested number of draws (with replacement) or rows (without replacement). */
    public int draws() {
        return draws;
    }

    /** The number of distinct selected rows. */
    public int size() {
        return indices.length;
    }

    /** The source row index of the k-th selected row (ascending in k). */
    public int index(int k) {
        return indices[k];
    }

    /** The weight of the k-th selected row. */
    public double weight(int k) {
        return weights[k];
    }

    /** A copy of the selected row indices, ascending. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the weights on the population scale (Σ w ≈ n). */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the weights on the given scale. */
    public double[] weights(WeightScale scale) {
        return scale.apply(weights);
    }

    /** Σ w, which estimates n for the sampling methods and equals n for uniform, stratified, kcenter and el2n. */
    public double totalWeight() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return total;
    }

    /** The fraction of source rows kept, size/n. */
    public double keptFraction() {
        return sourceRows == 0 ? 0 : (double) indices.length / sourceRows;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Coreset)) {
            return false;
        }
        Coreset other = (Coreset) o;
        return method == other.method && seed == other.seed && sourceRows == other.sourceRows
                && draws == other.draws && Arrays.equals(indices, other.indices)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, seed, sourceRows, draws, Arrays.hashCode(indices), Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "Coreset[" + method.id() + ", seed=" + seed + ", n=" + sourceRows + ", m=" + draws
                + ", distinct=" + indices.length + ", totalWeight=" + totalWeight() + "]";
    }
}
