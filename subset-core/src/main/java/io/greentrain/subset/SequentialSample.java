package io.greentrain.subset;

import java.util.SplittableRandom;

/**
 * Uniform sampling of m of n rows without replacement in one sweep with O(1) memory (Knuth's Algorithm S, "selection
 * sampling"): the next row is taken with probability (draws left)/(rows left), which makes every m-subset equally
 * likely. Each row is included with probability m/n, so weight n/m makes Σ w f(x) unbiased (Horvitz–Thompson).
 */
final class SequentialSample implements StratumSampler {

    private final SplittableRandom random;
    private final double weight;
    private long rowsLeft;
    private int drawsLeft;

    SequentialSample(long rows, int draws, SplittableRandom random) {
        this.random = random;
        this.rowsLeft = rows;
        this.drawsLeft = draws;
        this.weight = (double) rows / draws;
    }

    @Override
    public boolean visit(RowPass row, long index, CoresetCollector out) {
        boolean drawn = false;
        if (drawsLeft > 0 && random.nextDouble() * rowsLeft < drawsLeft) {
            out.add(index, weight);
            drawsLeft--;
            drawn = true;
        }
        rowsLeft--;
        return drawn;
    }

    @Override
    public void finish(CoresetCollector out, String source) {
        if (rowsLeft != 0 || drawsLeft != 0) {
            throw new IllegalArgumentException("rows of " + source + " changed between passes (a class has "
                    + (rowsLeft > 0 ? "fewer" : "more") + " rows in pass 2 than in pass 1)");
        }
    }
}
