package io.greentrain.subset;

/** Draws the rows of one stratum during the single sweep of pass 2. */
interface StratumSampler {

    /** Visits the current row of this stratum and adds it to {@code out} if drawn; true if it was. */
    boolean visit(RowPass row, long index, CoresetCollector out);

    /** Ends the sweep; throws if the rows seen disagree with pass 1. */
    void finish(CoresetCollector out, String source);
}
