package io.greentrain.subset;

import java.util.Arrays;

/**
 * Moderate coreset (Xia, Liu, Yu, Shen, Han &amp; Liu 2023, "Moderate Coreset: A Universal Method of Data Selection
 * for Real-world Data-efficient Deep Learning", ICLR). The score of a row is its distance to its class centre in the
 * representation of a short proxy training; within each stratum the m_c rows whose score is closest to the stratum's
 * median are kept (ties by row index): neither the prototypical rows nor the outliers, which is what the paper finds
 * robust across pruning rates, label noise and class imbalance. Use it {@code perClass(true)} as in the paper.
 * Deterministic; weight n_c/m_c.
 */
final class ModerateSelection {

    private ModerateSelection() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        return RankedStrata.selectByScores(spec, input, listener, (rows, kept, scores, random, out) -> {
            double median = median(rows, scores);
            Integer[] order = new Integer[rows.length];
            for (int i = 0; i < rows.length; i++) {
                order[i] = rows[i];
            }
            Arrays.sort(order, (a, b) -> {
                int byGap = Double.compare(Math.abs(scores[a] - median), Math.abs(scores[b] - median));
                return byGap != 0 ? byGap : Integer.compare(a, b);
            });
            double weight = (double) rows.length / kept;
            for (int r = 0; r < kept; r++) {
                out.add(order[r], weight);
            }
        });
    }

    static double median(int[] rows, double[] scores) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = scores[rows[i]];
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
