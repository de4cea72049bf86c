package io.greentrain.subset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pass 1 over the rows: validates them (widths, finite values, labels) and gathers what pass 2 needs — the number of
 * rows per stratum and, for the distance-based methods, each stratum's mean μ and spread Σ d(x, μ)². Memory is
 * O(strata·d) unless the caller asks to keep the rows (k-center greedy over a stream) or each row's stratum.
 */
final class RowStatistics {

    final long rows;
    final int width;
    final Strata strata;
    /** Per stratum mean, or null when features are not tracked. */
    final double[][] mean;
    /** Per stratum Σ d(x, μ)², or null when features are not tracked. */
    final double[] spread;
    /** Per row stratum, or null. */
    final int[] rowStrata;
    /** Copies of all rows, or null. */
    final float[][] keptRows;

    private RowStatistics(long rows, int width, Strata strata, double[][] mean, double[] spread, int[] rowStrata,
                          float[][] keptRows) {
        this.rows = rows;
        this.width = width;
        this.strata = strata;
        this.mean = mean;
        this.spread = spread;
        this.rowStrata = rowStrata;
        this.keptRows = keptRows;
    }

    /** What pass 1 should gather. */
    static final class Plan {
        boolean byClass;
        /** Who needs the labels, for the message when one is missing. */
        String labelsNeededBy = "selection";
        boolean needsFeatures;
        boolean trackFeatures;
        boolean keepRowStrata;
        boolean keepRows;
    }

    static RowStatistics collect(RowInput input, Plan plan) {
        long row = 0;
        int width = -1;
        int[] denseOfLabel = new int[0];
        int[] labelOfDense = new int[4];
        long[] counts = new long[4];
        double[][] means = new double[4][];
        double[][] m2s = new double[4][];
        int classes = plan.byClass ? 0 : 1;
        int[] rowStrata = plan.keepRowStrata ? new int[1024] : null;
        List<float[]> kept = plan.keepRows ? new ArrayList<>() : null;
        try (RowPass pass = input.open(1)) {
            while (pass.advance()) {
                if (row == Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(input.describe() + " has more than " + Integer.MAX_VALUE
                            + " rows, the most a coreset can index");
                }
                int w = pass.width();
                if (row == 0) {
                    width = w;
                    if (plan.needsFeatures) {
                        Checks.hasFeatures(w);
                    }
                } else if (w != width) {
                    Checks.sameWidth(w, width, row);
                }
                int dense = 0;
                if (plan.byClass) {
                    int label = pass.label();
                    if (label == RowCursor.NO_LABEL) {
                        throw new IllegalArgumentException(plan.labelsNeededBy
                                + " needs a class label for every row, but row " + row + " of " + input.describe()
                                + " has none");
                    }
                    Checks.label(label, row);
                    if (label >= denseOfLabel.length) {
                        int old = denseOfLabel.length;
                        denseOfLabel = Arrays.copyOf(denseOfLabel, Math.max(label + 1, old * 2));
                        Arrays.fill(denseOfLabel, old, denseOfLabel.length, -1);
                    }
                    dense = denseOfLabel[label];
                    if (dense < 0) {
                        dense = classes++;
                        denseOfLabel[label] = dense;
                        if (dense >= counts.length) {
                            int grown = counts.length * 2;
                            counts = Arrays.copyOf(counts, grown);
                            labelOfDense = Arrays.copyOf(labelOfDense, grown);
                            means = Arrays.copyOf(means, grown);
                            m2s = Arrays.copyOf(m2s, grown);
                        }
                        labelOfDense[dense] = label;
                    }
                }
                long count = ++counts[dense];
                if (plan.trackFeatures) {
                    if (means[dense] == null) {
                        means[dense] = new double[width];
                        m2s[dense] = new double[width];
                    }
                    pass.welford(1.0 / count, means[dense], m2s[dense]);
                } else if (w > 0) {
                    int column = pass.firstNonFinite();
                    if (column >= 0) {
                        throw Checks.notFinite(row, column, pass.value(column));
                    }
                }
                if (rowStrata != null) {
                    if (row == rowStrata.length) {
                        rowStrata = Arrays.copyOf(rowStrata, rowStrata.length * 2);
                    }
                    rowStrata[(int) row] = dense;
                }
                if (kept != null) {
                    kept.add(pass.copyRow());
                }
                row++;
            }
        }
        Checks.notEmpty(row, input.describe());
        Strata strata = plan.byClass ? Strata.byLabel(labelOfDense, counts, classes) : Strata.single(row);
        int[] sortedOfDense = new int[classes];
        for (int dense = 0; dense < classes; dense++) {
            sortedOfDense[dense] = plan.byClass ? strata.fromLabel(labelOfDense[dense]) : 0;
        }
        double[][] mean = null;
        double[] spread = null;
        if (plan.trackFeatures) {
            mean = new double[classes][];
            spread = new double[classes];
            boolean finite = true;
            for (int dense = 0; dense < classes; dense++) {
                int s = sortedOfDense[dense];
                mean[s] = means[dense];
                double total = 0;
                for (int j = 0; j < width; j++) {
                    total += m2s[dense][j];
                    finite &= Double.isFinite(means[dense][j]);
                }
                finite &= Double.isFinite(total);
                spread[s] = total;
            }
            if (!finite) {
                throw locateNonFinite(input);
            }
        }
        int[] strataOfRows = null;
        if (rowStrata != null) {
            strataOfRows = Arrays.copyOf(rowStrata, (int) row);
            for (int i = 0; i < strataOfRows.length; i++) {
                strataOfRows[i] = sortedOfDense[strataOfRows[i]];
            }
        }
        float[][] keptRows = kept == null ? null : kept.toArray(new float[0][]);
        return new RowStatistics(row, width, strata, mean, spread, strataOfRows, keptRows);
    }

    /**
     * Pass 1 accumulates without a per-row test (the test would stop the JIT from vectorising), so the offending row
     * is found by one more pass, taken only on this error path.
     */
    private static IllegalArgumentException locateNonFinite(RowInput input) {
        try (RowPass pass = input.open(3)) {
            long row = 0;
            while (pass.advance()) {
                int column = pass.firstNonFinite();
                if (column >= 0) {
                    return Checks.notFinite(row, column, pass.value(column));
                }
                row++;
            }
        } catch (IllegalArgumentException e) {
            return new IllegalArgumentException("features of " + input.describe()
                    + " contain NaN or infinite values (the row could not be located: " + e.getMessage() + ")", e);
        }
        return new IllegalArgumentException("features of " + input.describe()
                + " are too large: their sum of squares overflows a double");
    }
}
