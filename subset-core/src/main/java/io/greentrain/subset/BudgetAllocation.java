package io.greentrain.subset;

/**
 * Splits the coreset size m over strata in proportion to their sizes, m_c ≈ m·n_c/n, rounded by largest remainder so
 * that Σ m_c = m exactly, with at least {@code minPerStratum} rows per stratum (capped at n_c).
 */
final class BudgetAllocation {

    private BudgetAllocation() {
    }

    static int[] allocate(long[] sizes, int m, int minPerStratum) {
        int k = sizes.length;
        long n = 0;
        for (long size : sizes) {
            n += size;
        }
        double[] ideal = new double[k];
        int[] floor = new int[k];
        int[] alloc = new int[k];
        long minTotal = 0;
        long total = 0;
        for (int s = 0; s < k; s++) {
            ideal[s] = (double) m * sizes[s] / n;
            floor[s] = (int) Math.min(sizes[s], minPerStratum);
            minTotal += floor[s];
            alloc[s] = (int) Math.max(floor[s], Math.min(sizes[s], (long) Math.floor(ideal[s])));
            total += alloc[s];
        }
        if (minTotal > m) {
            throw new IllegalArgumentException("m = " + m + " is too small to give minPerClass = " + minPerStratum
                    + " rows to each of " + k + " classes (needs m >= " + minTotal + ")");
        }
        // One row at a time keeps the rule simple; the loops run at most about k times each.
        while (total < m) {
            int best = -1;
            for (int s = 0; s < k; s++) {
                if (alloc[s] < sizes[s] && (best < 0 || ideal[s] - alloc[s] > ideal[best] - alloc[best])) {
                    best = s;
                }
            }
            alloc[best]++;
            total++;
        }
        while (total > m) {
            int best = -1;
            for (int s = 0; s < k; s++) {
                if (alloc[s] > floor[s] && (best < 0 || ideal[s] - alloc[s] < ideal[best] - alloc[best])) {
                    best = s;
                }
            }
            alloc[best]--;
            total--;
        }
        return alloc;
    }
}
