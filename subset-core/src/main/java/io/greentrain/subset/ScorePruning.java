package io.greentrain.subset;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Score-based pruning (Paul, Ganguli &amp; Dziugaite 2021): rank the rows of each stratum by a user-supplied score,
 * highest first, and keep the band of m_c ranks that {@link ScoreBand} names. Ties are broken by row index, so the
 * result is deterministic. Weight n_c/m_c keeps Σ w = n but does not make the selection unbiased; see the caveat on
 * {@link ScoreBand}.
 */
final class ScorePruning {

    private ScorePruning() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        RowStatistics.Plan plan = spec.passOnePlan();
        plan.keepRowStrata = true;
        RowStatistics stats = RowStatistics.collect(input, plan);
        spec.checkStrata(stats.strata, stats.rows);
        double[] scores = scoresOf(spec.scores(), (int) stats.rows);
        int m = spec.resolveSize(stats.rows);
        int[] budget = spec.allocate(stats.strata, m);
        int[][] members = KCenterGreedy.membersOf(stats.rowStrata, stats.strata);
        CoresetCollector out = new CoresetCollector();
        for (int s = 0; s < members.length; s++) {
            int[] rows = members[s];
            Integer[] ranking = new Integer[rows.length];
            for (int i = 0; i < rows.length; i++) {
                ranking[i] = rows[i];
            }
            Arrays.sort(ranking, (a, b) -> {
                int byScore = Double.compare(scores[b], scores[a]);
                return byScore != 0 ? byScore : Integer.compare(a, b);
            });
            int first = spec.scoreBand().firstRank(rows.length, budget[s]);
            double weight = (double) rows.length / budget[s];
            for (int r = first; r < first + budget[s]; r++) {
                out.add(ranking[r], weight);
            }
        }
        Coreset coreset = out.buildSorted(SelectionMethod.EL2N, spec.seed(), stats.rows, m);
        if (listener != null) {
            DrawReplay.replay(input, coreset, stats.rows, listener);
        }
        return coreset;
    }

    private static double[] scoresOf(CoresetSelector.Scores source, int rows) {
        if (source == null) {
            throw new IllegalArgumentException("el2n needs per-example scores: use CoresetSelector.el2n(double[]) or "
                    + "CoresetSelector.el2n(IntToDoubleFunction)");
        }
        double[] scores;
        if (source.array != null) {
            if (source.array.length != rows) {
                throw new IllegalArgumentException("scores.length = " + source.array.length
                        + " does not match the number of rows = " + rows);
            }
            scores = source.array;
        } else {
            IntToDoubleFunction function = source.function;
            scores = new double[rows];
            for (int i = 0; i < rows; i++) {
                scores[i] = function.applyAsDouble(i);
            }
        }
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score[" + i + "] = " + scores[i] + " is not finite");
            }
        }
        return scores;
    }
}
