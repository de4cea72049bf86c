package io.greentrain.subset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact i.i.d. sampling with replacement from q(x) = α/n + (1 − α)·d(x,μ)²/Σ d² in one sweep with O(m) memory:
 * m uniforms on [0, 1) are drawn and sorted before the sweep; row i receives every uniform that falls into its
 * interval [Σ_{j<i} q_j, Σ_{j≤i} q_j). A row drawn c times gets weight c/(m·q), the sum of its per-draw weights
 * 1/(m·q). α = ½ is the lightweight coreset, α = 0 the archetypal one.
 *
 * <p>If Σ d² = 0 (all rows of the stratum equal their mean, e.g. a class of one row) the distance term is undefined;
 * every row then represents the stratum exactly and q falls back to 1/n.
 */
final class ImportanceSweep implements StratumSampler {

    /** Pass 1 and pass 2 compute the total mass in different orders; more than this apart means the rows changed. */
    private static final double MASS_TOLERANCE = 1e-6;

    private final double uniformShare;
    private final double distanceShare;
    private final double[] mean;
    private final double[] targets;
    private final int draws;
    private int next;
    private double cumulative;
    private int lastSlot = -1;
    private double lastQ;

    ImportanceSweep(double alpha, long rows, double[] mean, double spread, int draws, SplittableRandom random) {
        boolean degenerate = !(spread > 0);
        this.uniformShare = (degenerate ? 1.0 : alpha) / rows;
        this.distanceShare = degenerate ? 0.0 : (1.0 - alpha) / spread;
        this.mean = mean;
        this.draws = draws;
        this.targets = new double[draws];
        for (int k = 0; k < draws; k++) {
            targets[k] = random.nextDouble();
        }
        Arrays.sort(targets);
    }

    @Override
    public boolean visit(RowPass row, long index, CoresetCollector out) {
        double q = distanceShare == 0 ? uniformShare : uniformShare + distanceShare * row.squaredDistance(mean);
        cumulative += q;
        int first = next;
        while (next < draws && targets[next] < cumulative) {
            next++;
        }
        int count = next - first;
        if (count == 0) {
            return false;
        }
        lastSlot = out.add(index, count / (draws * q));
        lastQ = q;
        return true;
    }

    @Override
    public void finish(CoresetCollector out, String source) {
        if (!(Math.abs(cumulative - 1.0) <= MASS_TOLERANCE)) {
            throw new IllegalArgumentException("rows of " + source + " changed between passes: the sampling mass "
                    + "summed in pass 2 is " + cumulative + " instead of 1");
        }
        int leftover = draws - next;
        if (leftover > 0) {
            // The mass fell short of 1 by rounding (~1e-13): the few uniforms beyond it belong to the end of the
            // stream, represented by the last drawn row.
            if (lastSlot < 0) {
                throw new IllegalStateException("no row drawn in a stratum of " + source + " (rounding of mass "
                        + cumulative + ")");
            }
            out.addWeight(lastSlot, leftover / (draws * lastQ));
        }
    }
}
