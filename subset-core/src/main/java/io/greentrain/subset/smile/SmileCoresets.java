package io.greentrain.subset.smile;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.ProgressiveTraining;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.Seeds;
import io.greentrain.subset.WeightedResampling;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Coresets for Smile's array-based trainers, one line in the user's code:
 *
 * <pre>{@code
 * var model = LogisticRegression.fit(x, y);                                            // before
 * var model = SmileCoresets.fit(x, y, CoresetSelector.stratified().fraction(0.1), LogisticRegression::fit); // after
 * }</pre>
 *
 * <p>Smile trainers take weights in only two places: {@code RidgeRegression.fit(formula, data, weights, ...)} (use
 * {@link WeightedRows#weights()}) and the {@code samples} multiplicities of the {@code DecisionTree} and
 * {@code RegressionTree} constructors (use {@link #samples(Coreset, long)}). Everything else ({@code fit} here)
 * trains on the coreset's rows repeated in proportion to their weights.
 *
 * <p>This class references no Smile type, so it links against every Smile version (3.1.x and 6.x included); Smile is
 * GPL-3.0 and only ever a provided dependency of subset-core. For {@code DataFrame}s see {@link SmileDataFrames}
 * (Smile 3.1.x).
 */
public final class SmileCoresets {

    private SmileCoresets() {
    }

    /** The coreset of a classification data set: its rows, labels and weights. */
    public static WeightedRows select(double[][] x, int[] y, CoresetSelector selector) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Coreset coreset = selector.select(x, y);
        return WeightedRows.of(coreset, x, y, null);
    }

    /** The coreset of a regression data set (no classes, so not stratified): rows, targets and weights. */
    public static WeightedRows select(double[][] x, double[] y, CoresetSelector selector) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length) {
            throw new IllegalArgumentException("y.length = " + y.length + " does not match the number of rows = "
                    + x.length);
        }
        Coreset coreset = selector.select(x);
        return WeightedRows.of(coreset, x, null, y);
    }

    /** Trains a classifier (e.g. {@code LogisticRegression::fit}) on the weight-replicated coreset rows. */
    public static <M> M fit(double[][] x, int[] y, CoresetSelector selector,
                            BiFunction<double[][], int[], M> trainer) {
        WeightedRows rows = select(x, y, selector).replicate(selector.seed());
        return trainer.apply(rows.x(), rows.y());
    }

    /**
     * "Just enough data" in one call: {@link #fit(double[][], int[], CoresetSelector, BiFunction)} on the growing
     * coresets of {@code schedule} until the held-out score stops rising ({@link ProgressiveTraining}).
     */
    public static <M> ProgressiveTraining.Result<M> fitProgressively(double[][] x, int[] y, CoresetSelector selector,
            BiFunction<double[][], int[], M> trainer, ProgressiveTraining schedule, ToDoubleFunction<M> heldOut) {
        return schedule.run(selector, s -> fit(x, y, s, trainer), heldOut);
    }

    /** Trains a regression model (e.g. {@code OLS}-style array trainers) on the weight-replicated coreset rows. */
    public static <M> M fit(double[][] x, double[] y, CoresetSelector selector,
                            BiFunction<double[][], double[], M> trainer) {
        WeightedRows rows = select(x, y, selector).replicate(selector.seed());
        return trainer.apply(rows.x(), rows.response());
    }

    /**
     * Multiplicities over all n source rows for the {@code samples} argument of Smile's {@code DecisionTree} and
     * {@code RegressionTree} constructors: 0 outside the coreset, ⌊m·w/Σw⌋ or ⌈m·w/Σw⌉ inside (systematic
     * resampling, m = the coreset's draws). A tree grown with them equals one grown on the rows so repeated.
     *
     * <p>In Smile 3.1.1 pass {@code smile.base.cart.CART.order(x)} as the constructor's {@code order}, not null:
     * only an explicit order is filtered to the rows with {@code samples[i] > 0}; with null and zero counts CART's
     * partitioning breaks ({@code assert(split + k == high)} in {@code CART.shuffle}).
     */
    public static int[] samples(Coreset coreset, long seed) {
        Objects.requireNonNull(coreset, "coreset");
        int[] counts = WeightedResampling.counts(coreset, coreset.draws(), Resampling.SYSTEMATIC,
                Seeds.derive(seed, 0));
        int[] samples = new int[(int) coreset.sourceRows()];
        for (int k = 0; k < coreset.size(); k++) {
            samples[coreset.index(k)] = counts[k];
        }
        return samples;
    }
}
