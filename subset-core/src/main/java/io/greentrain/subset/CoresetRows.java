package io.greentrain.subset;

/**
 * A coreset together with copies of its rows and labels, captured during the selection pass: what remains of a
 * data set that was streamed and never held in memory. Row k of {@link #rows()} is source row
 * {@code coreset().index(k)} and carries weight {@code coreset().weight(k)}.
 */
public final class CoresetRows {

    private final Coreset coreset;
    private final float[][] rows;
    private final int[] labels;

    CoresetRows(Coreset coreset, float[][] rows, int[] labels) {
        this.coreset = coreset;
        this.rows = rows;
        this.labels = labels;
    }

    /** The selected indices and weights. */
    public Coreset coreset() {
        return coreset;
    }

    /** A copy of the selected rows, in coreset order. */
    public float[][] rows() {
        float[][] copy = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            copy[k] = rows[k].clone();
        }
        return copy;
    }

    /** A copy of the labels of the selected rows ({@link RowCursor#NO_LABEL} where the source had none). */
    public int[] labels() {
        return labels.clone();
    }
}
