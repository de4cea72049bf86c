package io.greentrain.examples.tradeoff;

import io.greentrain.examples.data.LabelledData;
import io.greentrain.examples.jobs.Trainer;
import io.greentrain.subset.Coreset;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.WeightScale;
import io.greentrain.subset.WeightedResampling;

/**
 * Turns a weighted coreset into what a trainer can take: Tribuo gets the coreset rows with their weights as example
 * weights (scaled to mean 1, so SGD steps keep their size); DL4J and Smile, which have no per-example weights, get
 * m rows (the coreset's draws) resampled systematically in proportion to the weights (subset-core's
 * {@link WeightedResampling}), so that the weighted loss is kept in expectation. These are the rules of subset-core's
 * own adapters ({@code TribuoCoresets.selectFor}, {@code SmileCoresets}); the study applies them to a coreset it
 * selected once, so that one selection (and its energy) serves all five models.
 */
public final class CoresetTraining {

    private final LabelledData rows;
    private final float[] weights;
    private final int distinctRows;

    private CoresetTraining(LabelledData rows, float[] weights, int distinctRows) {
        this.rows = rows;
        this.weights = weights;
        this.distinctRows = distinctRows;
    }

    public static CoresetTraining of(LabelledData train, Coreset coreset, Trainer trainer, long seed) {
        int[] indices = coreset.indices();
        if (trainer.supportsExampleWeights()) {
            double[] w = coreset.weights(WeightScale.MEAN_ONE);
            float[] f = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                f[i] = (float) w[i];
            }
            return new CoresetTraining(train.rows(indices), f, indices.length);
        }
        int[] counts = WeightedResampling.counts(coreset, coreset.draws(), Resampling.SYSTEMATIC, seed);
        int[] order = WeightedResampling.expand(counts, seed);
        int[] rows = new int[order.length];
        int distinct = 0;
        for (int c : counts) {
            if (c > 0) {
                distinct++;
            }
        }
        for (int i = 0; i < order.length; i++) {
            rows[i] = indices[order[i]];
        }
        return new CoresetTraining(train.rows(rows), null, distinct);
    }

    /** The rows to train on (resampled rows may repeat). */
    public LabelledData rows() {
        return rows;
    }

    /** Example weights, or null when the rows were resampled instead. */
    public float[] weights() {
        return weights;
    }

    /** Distinct source rows among {@link #rows()}. */
    public int distinctRows() {
        return distinctRows;
    }
}
