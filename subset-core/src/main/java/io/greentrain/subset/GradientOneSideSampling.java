package io.greentrain.subset;


/**
 * Gradient-based one-side sampling, GOSS (Ke, Meng, Finley, Wang, Chen, Ma, Ye &amp; Liu 2017, "LightGBM: A Highly
 * Efficient Gradient Boosting Decision Tree", NeurIPS, Algorithm 2): the row importance that the tree literature
 * backs, since a split's information gain is a sum of per-row gradients. The score of a row is |g|, the size of its
 * loss gradient after a short proxy training (for the softmax log loss the gradient in the logits is p − y, so
 * |g| = ‖p − y‖₂ = EL2N). Within each stratum the a·m_c rows of largest |g| are kept with weight 1 and
 * (1 − a)·m_c of the others are drawn uniformly without replacement with weight (n_c − a·m_c)/((1 − a)·m_c), which
 * keeps every sum over the rows (gains, losses, counts) unbiased. a = {@value #TOP_SHARE}: LightGBM's defaults
 * top_rate 0.2 and other_rate 0.1 spend two thirds of the sample on large gradients.
 */
final class GradientOneSideSampling {

    static final double TOP_SHARE = 2.0 / 3.0;

    private GradientOneSideSampling() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        return RankedStrata.selectByScores(spec, input, listener, (rows, kept, scores, random, out) -> {
            Integer[] ranking = RankedStrata.byScoreDescending(rows, scores);
            int top = kept == rows.length ? kept : (int) Math.floor(TOP_SHARE * kept);
            for (int r = 0; r < top; r++) {
                out.add(ranking[r], 1.0);
            }
            int others = kept - top;
            int rest = rows.length - top;
            double weight = others == 0 ? 0 : (double) rest / others;
            for (int i = 0; i < others; i++) { // partial Fisher-Yates over ranks top..n_c-1
                int j = top + i + random.nextInt(rest - i);
                Integer swap = ranking[top + i];
                ranking[top + i] = ranking[j];
                ranking[j] = swap;
                out.add(ranking[top + i], weight);
            }
        });
    }
}
