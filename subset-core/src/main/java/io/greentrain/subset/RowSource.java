package io.greentrain.subset;

import java.util.Iterator;
import java.util.Objects;

/**
 * A data set that can be read from the start more than once, one row at a time: the input of the two-pass streaming
 * selectors, which hold O(m + classes·d) numbers however large the data is. Implement {@link #open()} to read a file
 * or generate rows; each call must start a new pass at the first row and yield the same rows in the same order.
 *
 * <p>A source that cannot restart (an {@link Iterable} whose iterator is one-shot, an exhausted stream) is reported
 * as an {@link IllegalArgumentException} naming the source, because pass 2 then sees fewer rows than pass 1.
 */
@FunctionalInterface
public interface RowSource {

    /**
     * Starts a new pass at the first row.
     *
     * @throws RuntimeException if the source cannot restart; the selectors turn it into an
     *                          {@link IllegalArgumentException} that names the source
     */
    RowCursor open();

    /** Rows of an in-memory float matrix, without labels. The array is read, never modified. */
    static RowSource of(float[][] rows) {
        return of(rows, null);
    }

    /** Rows of an in-memory float matrix with one class label per row ({@code labels} may be null). */
    static RowSource of(float[][] rows, int[] labels) {
        Objects.requireNonNull(rows, "rows");
        Checks.labelsMatchRows(labels, rows.length);
        return new RowSource() {
            @Override
            public RowCursor open() {
                return new RowCursor() {
                    private int next;
                    private int current = -1;

                    @Override
                    public boolean advance() {
                        if (next >= rows.length) {
                            return false;
                        }
                        current = next++;
                        return true;
                    }

                    @Override
                    public float[] row() {
                        return rows[current];
                    }

                    @Override
                    public int label() {
                        return labels == null ? NO_LABEL : labels[current];
                    }
                };
            }

            @Override
            public String toString() {
                return "RowSource.of(float[" + rows.length + "][])";
            }
        };
    }

    /**
     * Rows of an {@link Iterable}, without labels; each pass calls {@link Iterable#iterator()} again. A one-shot
     * iterable (for example {@code stream::iterator}) is rejected on pass 2.
     */
    static RowSource fromIterable(Iterable<float[]> rows) {
        Objects.requireNonNull(rows, "rows");
        return new RowSource() {
            @Override
            public RowCursor open() {
                Iterator<float[]> it = rows.iterator();
                return new RowCursor() {
                    private float[] current;

                    @Override
                    public boolean advance() {
                        if (!it.hasNext()) {
                            return false;
                        }
                        current = it.next();
                        return true;
                    }

                    @Override
                    public float[] row() {
                        return current;
                    }
                };
            }

            @Override
            public String toString() {
                return "RowSource.fromIterable(" + rows.getClass().getName() + ")";
            }
        };
    }
}
