package io.greentrain.subset;

/** A data set the selectors can pass over more than once: an in-memory matrix or a {@link RowSource}. */
abstract class RowInput {

    /** Starts a pass; {@code pass} counts from 1 and is used only in error messages. */
    abstract RowPass open(int pass);

    /** How the input is named in error messages. */
    abstract String describe();

    /** Random access to all rows when they are in memory; null for streamed rows. */
    FeatureMatrix matrix() {
        return null;
    }
}
