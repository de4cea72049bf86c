package io.greentrain.subset;

/**
 * How coreset weights are scaled when handed to a trainer. Weighted empirical risk Σ w_i ℓ_i has the same minimiser
 * under any positive scale, but trainers are not scale-free: regularisation strength, SGD step sizes and minimum
 * child weights all see the absolute values.
 */
public enum WeightScale {

    /**
     * Σ w ≈ n: the weighted coreset loss estimates the full-data loss, so a regularisation constant keeps its
     * full-data meaning (use it for closed-form learners such as ridge regression).
     */
    POPULATION,

    /**
     * Mean weight 1 (w_i · size / Σ w): only relative importance is kept, so per-example SGD steps and
     * minimum-child-weight rules behave as on an unweighted set of the same size. A population weight of n/m = 100
     * would otherwise multiply every SGD step by 100.
     */
    MEAN_ONE;

    double[] apply(double[] populationWeights) {
        double[] out = populationWeights.clone();
        if (this == MEAN_ONE && out.length > 0) {
            double total = 0;
            for (double w : out) {
                total += w;
            }
            double factor = out.length / total;
            for (int i = 0; i < out.length; i++) {
                out[i] *= factor;
            }
        }
        return out;
    }
}
