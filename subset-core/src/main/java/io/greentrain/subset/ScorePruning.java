package io.greentrain.subset;

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
        return RankedStrata.selectByScores(spec, input, listener, (rows, kept, scores, random, out) -> {
            Integer[] ranking = RankedStrata.byScoreDescending(rows, scores);
            int first = spec.scoreBand().firstRank(rows.length, kept);
            double weight = (double) rows.length / kept;
            for (int r = first; r < first + kept; r++) {
                out.add(ranking[r], weight);
            }
        });
    }
}
