package io.greentrain.subset;

import java.util.Arrays;

/**
 * The groups rows are selected within: one group for all rows, or one per class label for stratified and per-class
 * selection. Groups are numbered in ascending label order, so the per-group random streams, and with them the
 * coreset, do not depend on which class happens to come first.
 */
final class Strata {

    private final int[] labels;
    private final long[] sizes;
    private final int[] lookup;

    private Strata(int[] labels, long[] sizes, int[] lookup) {
        this.labels = labels;
        this.sizes = sizes;
        this.lookup = lookup;
    }

    static Strata single(long rows) {
        return new Strata(new int[] {RowCursor.NO_LABEL}, new long[] {rows}, null);
    }

    /** Classes given as labels with their row counts (in any order); the result is sorted by label. */
    static Strata byLabel(int[] labelsSeen, long[] counts, int classes) {
        Integer[] order = new Integer[classes];
        for (int i = 0; i < classes; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(labelsSeen[a], labelsSeen[b]));
        int[] sortedLabels = new int[classes];
        long[] sortedSizes = new long[classes];
        int maxLabel = 0;
        for (int i = 0; i < classes; i++) {
            sortedLabels[i] = labelsSeen[order[i]];
            sortedSizes[i] = counts[order[i]];
            maxLabel = Math.max(maxLabel, sortedLabels[i]);
        }
        int[] lookup = new int[maxLabel + 1];
        Arrays.fill(lookup, -1);
        for (int i = 0; i < classes; i++) {
            lookup[sortedLabels[i]] = i;
        }
        return new Strata(sortedLabels, sortedSizes, lookup);
    }

    boolean isByLabel() {
        return lookup != null;
    }

    int count() {
        return labels.length;
    }

    int label(int stratum) {
        return labels[stratum];
    }

    long size(int stratum) {
        return sizes[stratum];
    }

    long[] sizes() {
        return sizes.clone();
    }

    /** The stratum of a row seen again in a later pass. */
    int of(int label, long row, String source) {
        if (lookup == null) {
            return 0;
        }
        if (label < 0 || label >= lookup.length || lookup[label] < 0) {
            throw new IllegalArgumentException("rows of " + source + " changed between passes: row " + row
                    + " has label " + label + ", which pass 1 did not see");
        }
        return lookup[label];
    }

    /** Old dense id (order of first appearance) to the sorted stratum number. */
    int fromLabel(int label) {
        return lookup == null ? 0 : lookup[label];
    }
}
