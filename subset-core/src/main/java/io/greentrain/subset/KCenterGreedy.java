package io.greentrain.subset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-center greedy (Sener &amp; Savarese 2018, ICLR; Gonzalez 1985): start from a seeded random row, then repeatedly add
 * u = argmax_{i ∉ S} min_{j ∈ S} d(x_i, x_j), the row worst covered so far. The cover radius is at most twice the
 * optimal one. Only the O(n) vector of current cover distances is kept (not DeepCore's k×n matrix), and the argmax of
 * the next round is found while that vector is updated, so each of the m rounds is one pass of O(n·d).
 *
 * <p>Weight of a centre = the number of rows whose nearest centre it is (its Voronoi cell), so Σ w = n and a weighted
 * learner sees each region of the data in proportion to its size. These are representation counts, not unbiased
 * importance weights.
 */
final class KCenterGreedy {

    private KCenterGreedy() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        FeatureMatrix matrix = input.matrix();
        RowStatistics.Plan plan = spec.passOnePlan();
        plan.needsFeatures = true;
        plan.keepRowStrata = true;
        plan.keepRows = matrix == null;
        RowStatistics stats = RowStatistics.collect(input, plan);
        if (matrix == null) {
            matrix = DataInput.of(stats.keptRows, null, input.describe());
        }
        spec.checkStrata(stats.strata, stats.rows);
        int m = spec.resolveSize(stats.rows);
        int[] budget = spec.allocate(stats.strata, m);
        SplittableRandom[] random = Seeds.perStratum(spec.seed(), stats.strata.count());
        int[][] members = membersOf(stats.rowStrata, stats.strata);
        CoresetCollector out = new CoresetCollector();
        for (int s = 0; s < members.length; s++) {
            greedy(matrix, members[s], budget[s], random[s], out);
        }
        Coreset coreset = out.buildSorted(SelectionMethod.KCENTER, spec.seed(), stats.rows, m);
        if (listener != null) {
            DrawReplay.replay(input, coreset, stats.rows, listener);
        }
        return coreset;
    }

    static int[][] membersOf(int[] rowStrata, Strata strata) {
        int[][] members = new int[strata.count()][];
        int[] filled = new int[strata.count()];
        for (int s = 0; s < members.length; s++) {
            members[s] = new int[(int) strata.size(s)];
        }
        for (int row = 0; row < rowStrata.length; row++) {
            int s = rowStrata[row];
            members[s][filled[s]++] = row;
        }
        return members;
    }

    private static void greedy(FeatureMatrix matrix, int[] rows, int centres, SplittableRandom random,
                               CoresetCollector out) {
        int n = rows.length;
        double[] cover = new double[n];
        Arrays.fill(cover, Double.POSITIVE_INFINITY);
        int[] nearest = new int[n];
        boolean[] chosen = new boolean[n];
        int[] centre = new int[centres];
        int next = random.nextInt(n);
        for (int t = 0; t < centres; t++) {
            int c = next;
            centre[t] = c;
            chosen[c] = true;
            int centreRow = rows[c];
            next = -1;
            double farthest = -1;
            for (int i = 0; i < n; i++) {
                double d = matrix.squaredDistance(rows[i], centreRow);
                if (d < cover[i]) {
                    cover[i] = d;
                    nearest[i] = t;
                }
                if (!chosen[i] && cover[i] > farthest) {
                    farthest = cover[i];
                    next = i;
                }
            }
            // A duplicate of an earlier centre is at distance 0 and would stay in that centre's cell: move it, so
            // that every centre represents at least itself.
            cover[c] = 0;
            nearest[c] = t;
        }
        int[] cell = new int[centres];
        for (int i = 0; i < n; i++) {
            cell[nearest[i]]++;
        }
        for (int t = 0; t < centres; t++) {
            out.add(rows[centre[t]], cell[t]);
        }
    }
}
