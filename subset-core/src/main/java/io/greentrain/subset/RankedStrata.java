package io.greentrain.subset;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Pass 1 of the selectors that rank or weigh rows one stratum at a time: the rows of each stratum, the budget m_c of
 * each, the per-row scores checked against the rows, and the step that freezes the chosen rows into a coreset.
 */
final class RankedStrata {

    final RowStatistics stats;
    final int size;
    final int[] budget;
    final int[][] members;

    private RankedStrata(RowStatistics stats, int size, int[] budget, int[][] members) {
        this.stats = stats;
        this.size = size;
        this.budget = budget;
        this.members = members;
    }

    static RankedStrata collect(CoresetSelector spec, RowInput input) {
        RowStatistics.Plan plan = spec.passOnePlan();
        plan.keepRowStrata = true;
        RowStatistics stats = RowStatistics.collect(input, plan);
        spec.checkStrata(stats.strata, stats.rows);
        int m = spec.resolveSize(stats.rows);
        int[] budget = spec.allocate(stats.strata, m);
        return new RankedStrata(stats, m, budget, KCenterGreedy.membersOf(stats.rowStrata, stats.strata));
    }

    /** What a score-ranked method keeps of one stratum: adds {@code kept} of {@code rows} with their weights to {@code out}. */
    interface StratumChoice {
        void choose(int[] rows, int kept, double[] scores, SplittableRandom random, CoresetCollector out);
    }

    /**
     * The whole of a score-ranked selection (ccs, moderate, goss, score pruning): pass 1, the per-row scores, then
     * {@code choice} once per stratum with the stratum's own random stream, then the coreset.
     */
    static Coreset selectByScores(CoresetSelector spec, RowInput input, DrawListener listener, StratumChoice choice) {
        RankedStrata strata = collect(spec, input);
        double[] scores = scoresOf(spec, (int) strata.stats.rows);
        SplittableRandom[] random = Seeds.perStratum(spec.seed(), strata.members.length);
        CoresetCollector out = new CoresetCollector();
        for (int s = 0; s < strata.members.length; s++) {
            choice.choose(strata.members[s], strata.budget[s], scores, random[s], out);
        }
        return strata.finish(spec, out, input, listener);
    }

    /** The rows of a stratum, highest score first, ties by row index. */
    static Integer[] byScoreDescending(int[] rows, double[] scores) {
        Integer[] ranking = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ranking[i] = rows[i];
        }
        Arrays.sort(ranking, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        return ranking;
    }

    Coreset finish(CoresetSelector spec, CoresetCollector out, RowInput input, DrawListener listener) {
        Coreset coreset = out.buildSorted(spec.method(), spec.seed(), stats.rows, size);
        if (listener != null) {
            DrawReplay.replay(input, coreset, stats.rows, listener);
        }
        return coreset;
    }

    /** The per-row scores of a score-ranked method, one finite value per row. */
    static double[] scoresOf(CoresetSelector spec, int rows) {
        CoresetSelector.Scores source = spec.scores();
        String id = spec.method().id();
        if (source == null) {
            throw new IllegalArgumentException(id + " needs per-example scores: use CoresetSelector." + id
                    + "(double[]) or CoresetSelector." + id + "(IntToDoubleFunction)");
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
