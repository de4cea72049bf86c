package io.greentrain.subset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage-centric coreset selection, CCS (Zheng, Liu, Lin, Grosse &amp; Prakash 2023, "Coverage-centric Coreset
 * Selection for High Pruning Rates", ICLR, Algorithm 1). Within each stratum: drop the β hardest rows (the
 * {@link ScoreBand#skipHardest(double)} of the selector, which removes likely label noise and the rows a small
 * budget cannot afford), split the range of the remaining scores into {@value #BINS} equal-width bins, then visit the
 * bins from the smallest up and give each min(|bin|, ⌊budget left / bins left⌋) rows drawn uniformly without
 * replacement. Small bins (rare difficulty levels) are kept whole, large ones thinned, so every difficulty level
 * stays covered even at 1 % of the data, where keeping only the hardest rows collapses. Weight n_c/m_c per row.
 */
final class CoverageCentricSelection {

    /** k, the number of score bins; Zheng et al. use 50 on CIFAR and ImageNet. */
    static final int BINS = 50;

    private CoverageCentricSelection() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        return RankedStrata.selectByScores(spec, input, listener, (rows, kept, scores, random, out) -> {
            Integer[] ranking = RankedStrata.byScoreDescending(rows, scores);
            int skipped = spec.scoreBand().firstRank(rows.length, kept);
            double weight = (double) rows.length / kept;
            for (int row : choose(Arrays.copyOfRange(ranking, skipped, ranking.length), scores, kept, random)) {
                out.add(row, weight);
            }
        });
    }

    /** {@code kept} of the ranked rows, spread over equal-width score bins from the smallest bin up. */
    static List<Integer> choose(Integer[] ranked, double[] scores, int kept, SplittableRandom random) {
        double high = scores[ranked[0]];
        double low = scores[ranked[ranked.length - 1]];
        List<List<Integer>> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new ArrayList<>());
        }
        double width = (high - low) / BINS;
        for (Integer row : ranked) {
            int b = width == 0 ? 0 : (int) Math.min(BINS - 1, (scores[row] - low) / width);
            bins.get(b).add(row);
        }
        bins.removeIf(List::isEmpty);
        bins.sort((a, b) -> Integer.compare(a.size(), b.size()));
        List<Integer> chosen = new ArrayList<>(kept);
        int left = kept;
        for (int b = 0; b < bins.size(); b++) {
            List<Integer> bin = bins.get(b);
            int take = Math.min(bin.size(), left / (bins.size() - b));
            for (int i = 0; i < take; i++) { // partial Fisher-Yates: the first take rows are a uniform sample
                int j = i + random.nextInt(bin.size() - i);
                Integer swap = bin.get(i);
                bin.set(i, bin.get(j));
                bin.set(j, swap);
                chosen.add(bin.get(i));
            }
            left -= take;
        }
        return chosen;
    }
}
