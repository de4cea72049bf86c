package io.greentrain.subset;

/**
 * Sees each selected row while the selector's last pass is on it, so an adapter can copy what it needs (an
 * image, a label array) without another pass over a stream. Rows arrive in ascending index order, once each.
 */
@FunctionalInterface
public interface DrawListener {

    /** Called for a row that enters the coreset; {@code cursor} is positioned on it and valid only during the call. */
    void drawn(long row, RowCursor cursor);
}
