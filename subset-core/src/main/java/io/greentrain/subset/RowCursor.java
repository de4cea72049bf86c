package io.greentrain.subset;

/**
 * One pass over the rows of a {@link RowSource}. A cursor starts before the first row; {@link #advance()} moves to the
 * next row. The cursor may reuse the array returned by {@link #row()} for the next row, so a large data set can be
 * streamed with O(d) memory; the selectors copy what they keep.
 */
public interface RowCursor extends AutoCloseable {

    /** The label of a row without a class. */
    int NO_LABEL = -1;

    /** Moves to the next row; false when the pass is over. */
    boolean advance();

    /** The features of the current row. Valid until the next {@link #advance()}; callers must not modify it. */
    float[] row();

    /** The class of the current row, a non-negative integer, or {@link #NO_LABEL}. */
    default int label() {
        return NO_LABEL;
    }

    /** Releases what the pass holds (a file, a reader); the default does nothing. */
    @Override
    default void close() {
    }
}
