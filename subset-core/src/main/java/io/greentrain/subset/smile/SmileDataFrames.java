package io.greentrain.subset.smile;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.Seeds;
import io.greentrain.subset.WeightedResampling;
import java.util.Objects;
import java.util.function.Function;
import smile.data.DataFrame;
import smile.data.vector.BaseVector;

/**
 * Coresets of Smile {@link DataFrame}s, one line in the user's code:
 *
 * <pre>{@code
 * var model = RandomForest.fit(Formula.lhs("class"), df);                                  // before
 * var model = SmileDataFrames.fit(df, "class", selector, d -> RandomForest.fit(Formula.lhs("class"), d)); // after
 * }</pre>
 *
 * <p><b>Smile 3.1.x only.</b> It selects rows with {@code DataFrame.of(int...)}, a default method of the 3.1
 * {@code DataFrame} interface; in Smile 6 {@code DataFrame} is a record whose row selection is
 * {@code df.get(Index.of(int...))}, so this class does not link there. With Smile 6 use {@link SmileCoresets} on
 * arrays, or select with {@code df.get(smile.util.Index.of(coreset.indices()))} yourself.
 *
 * <p>Features for selection are all columns but the response ({@code toArray()}, categorical columns as level
 * codes); an integral response is taken as class labels (for stratified and per-class selection).
 */
public final class SmileDataFrames {

    private SmileDataFrames() {
    }

    /** The coreset of a data frame: its rows (a view, not a copy of the caller's frame) and weights. */
    public static WeightedFrame select(DataFrame data, String response, CoresetSelector selector) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(selector, "selector");
        int column = columnOf(data, response);
        BaseVector<?, ?, ?> target = data.column(column);
        int[] labels = target.type().isIntegral() ? target.toIntArray() : null;
        double[][] features = data.drop(column).toArray();
        Coreset coreset = selector.select(features, labels);
        return new WeightedFrame(coreset, data.of(coreset.indices()));
    }

    private static int columnOf(DataFrame data, String response) {
        int column;
        try {
            column = data.schema().indexOf(response);
        } catch (RuntimeException e) {
            column = -1;
        }
        if (column < 0) {
            throw new IllegalArgumentException("response column '" + response + "' is not one of "
                    + java.util.Arrays.toString(data.names()));
        }
        return column;
    }

    /** Trains on the coreset rows repeated in proportion to their weights (for trainers that take no weights). */
    public static <M> M fit(DataFrame data, String response, CoresetSelector selector,
                            Function<DataFrame, M> trainer) {
        WeightedFrame frame = select(data, response, selector);
        return trainer.apply(replicate(data, frame.coreset(), selector.seed()));
    }

    /** The coreset's source rows, each repeated ⌊m·w/Σw⌋ or ⌈m·w/Σw⌉ times, in a shuffled order. */
    public static DataFrame replicate(DataFrame data, Coreset coreset, long seed) {
        int[] counts = WeightedResampling.counts(coreset, coreset.draws(), Resampling.SYSTEMATIC,
                Seeds.derive(seed, 0));
        int[] order = WeightedResampling.expand(counts, Seeds.derive(seed, 1));
        int[] rows = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            rows[k] = coreset.index(order[k]);
        }
        return data.of(rows);
    }
}
