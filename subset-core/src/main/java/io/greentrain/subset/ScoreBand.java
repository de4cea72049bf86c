package io.greentrain.subset;

/**
 * Which rows score-based pruning keeps, after ranking them by score, highest ("hardest") first.
 *
 * <p><b>Caveat.</b> Keeping only the hardest rows is what Paul et al. (2021) recommend when a large fraction is kept
 * (they prune half of CIFAR-10 without loss), but at small fractions it hurts, often below uniform sampling:
 * "with abundant (scarce) initial data, one should retain only hard (easy) examples" (Sorscher et al. 2022, "Beyond
 * neural scaling laws", NeurIPS); Zheng et al. (2023, CCS, ICLR) report Forgetting at 90 % pruning of CIFAR-10 at
 * 34 % accuracy. Below about half the data prefer {@link #easiest()}, a band that skips the very hardest rows
 * ({@link #skipHardest(double)}, which also drops likely label noise), or plain uniform/stratified sampling.
 */
public final class ScoreBand {

    private final double skipFraction;
    private final boolean easiest;

    private ScoreBand(double skipFraction, boolean easiest) {
        this.skipFraction = skipFraction;
        this.easiest = easiest;
    }

    /** The m highest scores (Paul et al.'s {@code keep_max_scores}). */
    public static ScoreBand hardest() {
        return new ScoreBand(0, false);
    }

    /** The m lowest scores, for small fractions (Sorscher et al. 2022). */
    public static ScoreBand easiest() {
        return new ScoreBand(0, true);
    }

    /**
     * Skips the top {@code fraction} of the ranking, then keeps the next m rows (Paul et al.'s offset window). If the
     * window would run past the end it is moved up so that m rows are kept.
     *
     * @throws IllegalArgumentException if the fraction is not in [0, 1)
     */
    public static ScoreBand skipHardest(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("skipHardest fraction = " + fraction + " is not in [0, 1)");
        }
        return new ScoreBand(fraction, false);
    }

    /** The first rank kept (0 = hardest) when m of n rows are kept. */
    int firstRank(int rows, int kept) {
        if (easiest) {
            return rows - kept;
        }
        int skipped = (int) Math.floor(skipFraction * rows);
        return Math.min(skipped, rows - kept);
    }

    @Override
    public String toString() {
        return easiest ? "easiest" : skipFraction == 0 ? "hardest" : "skipHardest(" + skipFraction + ")";
    }
}
