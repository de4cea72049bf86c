package io.greentrain.subset.smile;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.WeightScale;
import smile.data.DataFrame;

/** The rows of a coreset as a Smile 3.1 {@link DataFrame}, with one weight per row. */
public final class WeightedFrame {

    private final Coreset coreset;
    private final DataFrame data;

    WeightedFrame(Coreset coreset, DataFrame data) {
        this.coreset = coreset;
        this.data = data;
    }

    /** The selected indices and weights. */
    public Coreset coreset() {
        return coreset;
    }

    /** The selected rows, in coreset order. */
    public DataFrame data() {
        return data;
    }

    /** Population-scale weights (Σ w ≈ n): {@code RidgeRegression.fit(formula, data(), weights(), lambda, beta0)}. */
    public double[] weights() {
        return coreset.weights();
    }

    /** The weights on the given scale. */
    public double[] weights(WeightScale scale) {
        return coreset.weights(scale);
    }
}
