package io.greentrain.subset;

/**
 * One pass of the selectors over a {@link RowInput}. It hides whether the rows are floats or doubles, in memory or
 * streamed, so each algorithm is written once and the kernels still run on primitive arrays.
 */
abstract class RowPass implements AutoCloseable {

    /** Moves to the next row; false at the end. */
    abstract boolean advance();

    /** The label of the current row, or {@link RowCursor#NO_LABEL}. */
    abstract int label();

    /** The number of features of the current row. */
    abstract int width();

    /** Adds the current row to per-dimension Welford accumulators. */
    abstract void welford(double inverseCount, double[] mean, double[] m2);

    /** ‖x − center‖² of the current row. */
    abstract double squaredDistance(double[] center);

    /** The first non-finite column of the current row, or −1. */
    abstract int firstNonFinite();

    /** Value of a column of the current row, for error messages. */
    abstract double value(int column);

    /** The current row as doubles; valid until the next {@link #advance()}, never to be modified. */
    abstract double[] values();

    /** A float copy of the current row, for selectors that keep rows. */
    abstract float[] copyRow();

    /** The user's cursor, when the rows come from a {@link RowSource}; null for in-memory matrices. */
    RowCursor cursor() {
        return null;
    }

    @Override
    public void close() {
    }
}
