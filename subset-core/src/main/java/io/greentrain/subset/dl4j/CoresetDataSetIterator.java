package io.greentrain.subset.dl4j;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.ProgressiveTraining;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.Seeds;
import io.greentrain.subset.WeightedResampling;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A drop-in DL4J {@link DataSetIterator} that trains on a coreset of the wrapped iterator's examples:
 *
 * <pre>{@code
 * net.fit(trainIter, epochs);                                                              // before
 * net.fit(CoresetDataSetIterator.wrap(trainIter, CoresetSelector.lightweight().fraction(0.1)), epochs); // after
 * }</pre>
 *
 * <p><b>Weights.</b> DL4J has no per-example weight, and a label mask is not one (it also multiplies the output
 * layer's pre-activations), so the coreset weights are carried by resampling: each epoch serves M examples (M = the
 * coreset's m unless {@link Builder#epochSize(int)} says otherwise) in which example i appears c_i times with
 * E[c_i] = M·w_i/Σw ({@link Resampling#SYSTEMATIC} by default: c_i is the floor or ceiling of that). The mean
 * mini-batch loss over an epoch then has expectation Σ w_i ℓ_i / Σ w — the weighted loss — and so does its gradient.
 * Every epoch draws new counts and a new order.
 *
 * <p><b>DL4J's contract.</b> {@code fit} calls {@link #reset()} only when the iterator is exhausted at the start of an
 * epoch; that is where the next epoch is planned (and, with {@link Builder#reselectEachEpoch(boolean)}, a new coreset
 * selected with a new seed). {@link #asyncSupported()} is false: batches come from memory, so a prefetch thread
 * would gain nothing, and {@code next()} runs on the training thread. The pre-processor is applied inside
 * {@link #next(int)} to a fresh copy, so it never compounds over epochs. The wrapped iterator is reset and read two
 * or three times during selection (so it must support reset); its examples are copied, never modified.
 */
public final class CoresetDataSetIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient DataSetIterator source;
    private final transient DataSetRows rows;
    private final transient CoresetSelector selector;
    private final int batchSize;
    private final int requestedEpochSize;
    private final Resampling resampling;
    private final boolean reselectEachEpoch;

    private transient Coreset coreset;
    private transient DataSet examples;
    private int epoch;
    private int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    private CoresetDataSetIterator(Builder builder) {
        this.source = builder.source;
        this.rows = new DataSetRows(source);
        this.selector = builder.selector;
        this.requestedEpochSize = builder.epochSize;
        this.resampling = builder.resampling;
        this.reselectEachEpoch = builder.reselectEachEpoch;
        selectCoreset(selector);
        // some iterators (ExistingDataSetIterator) report batch() = 0: then use the size of their first batch
        int sourceBatch = source.batch() > 0 ? source.batch() : rows.firstBatchSize();
        this.batchSize = builder.batchSize > 0 ? builder.batchSize : Math.max(1, sourceBatch);
        planEpoch();
    }

    /**
     * Wraps {@code source} and selects the coreset now, with the source's batch size and one epoch of m examples.
     *
     * @throws IllegalArgumentException if the source cannot reset, or for any bad input of the selector
     */
    public static CoresetDataSetIterator wrap(DataSetIterator source, CoresetSelector selector) {
        return builder(source, selector).build();
    }

    /**
     * "Just enough data" in one call: {@code fit} trains a fresh network on {@link #wrap(DataSetIterator,
     * CoresetSelector) wrap(source, s)} for each growing coreset s of {@code schedule}, until the held-out score
     * stops rising ({@link ProgressiveTraining}).
     */
    public static <M> ProgressiveTraining.Result<M> fitProgressively(DataSetIterator source, CoresetSelector selector,
            ProgressiveTraining schedule, Function<DataSetIterator, M> fit, ToDoubleFunction<M> heldOut) {
        return schedule.run(selector, s -> fit.apply(wrap(source, s)), heldOut);
    }

    /** A builder for the less common settings. */
    public static Builder builder(DataSetIterator source, CoresetSelector selector) {
        return new Builder(source, selector);
    }

    /** Settings of a {@link CoresetDataSetIterator}. */
    public static final class Builder {
        private final DataSetIterator source;
        private final transient CoresetSelector selector;
        private int batchSize;
        private int epochSize;
        private Resampling resampling = Resampling.SYSTEMATIC;
        private boolean reselectEachEpoch;

        private Builder(DataSetIterator source, CoresetSelector selector) {
            this.source = Objects.requireNonNull(source, "source");
            this.selector = Objects.requireNonNull(selector, "selector");
        }

        /** Mini-batch size (default: the source's {@code batch()}, or the size of its first batch if that is 0). */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize = " + batchSize + " must be positive");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Examples served per epoch (default: the coreset's m, i.e. the energy of training on m rows). */
        public Builder epochSize(int epochSize) {
            if (epochSize <= 0) {
                throw new IllegalArgumentException("epochSize = " + epochSize + " must be positive");
            }
            this.epochSize = epochSize;
            return this;
        }

        /** How weights become repeated examples (default {@link Resampling#SYSTEMATIC}). */
        public Builder resampling(Resampling resampling) {
            this.resampling = Objects.requireNonNull(resampling, "resampling");
            return this;
        }

        /** Select a new coreset, with a new seed, at every reset (two more passes over the source per epoch). */
        public Builder reselectEachEpoch(boolean reselect) {
            this.reselectEachEpoch = reselect;
            return this;
        }

        /**
         * Selects the coreset and plans the first epoch.
         *
         * @throws IllegalArgumentException if the source cannot reset, or for any bad input of the selector
         */
        public CoresetDataSetIterator build() {
            if (!source.resetSupported()) {
                throw new IllegalArgumentException("iterator " + source.getClass().getName()
                        + " cannot reset (resetSupported() = false); coreset selection reads it more than once");
            }
            return new CoresetDataSetIterator(this);
        }
    }

    /** The coreset the current epoch is drawn from. */
    public Coreset coreset() {
        return coreset;
    }

    /** The number of epochs planned so far minus one (0 before the first reset). */
    public int epoch() {
        return epoch;
    }

    /** Examples served per epoch. */
    public int epochSize() {
        return order.length;
    }

    /** Positions into the coreset served this epoch, in order (for tests). */
    int[] epochOrder() {
        return order.clone();
    }

    private void selectCoreset(CoresetSelector spec) {
        rows.startGathering();
        coreset = spec.select(rows, (row, cursor) -> ((DataSetRows.Cursor) cursor).keep());
        examples = rows.gathered();
        if (examples.numExamples() != coreset.size()) {
            throw new IllegalStateException("gathered " + examples.numExamples() + " examples for a coreset of "
                    + coreset.size());
        }
    }

    private void planEpoch() {
        int size = requestedEpochSize > 0 ? requestedEpochSize : coreset.draws();
        long epochSeed = Seeds.derive(selector.seed(), 2L * epoch);
        int[] counts = WeightedResampling.counts(coreset.weights(), size, resampling, epochSeed);
        order = WeightedResampling.expand(counts, Seeds.derive(selector.seed(), 2L * epoch + 1));
        cursor = 0;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " of " + order.length + " examples is over; call reset()");
        }
        int end = Math.min(order.length, cursor + Math.max(1, num));
        int[] positions = Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        DataSet batch = examples.get(positions);
        List<String> labelNames = examples.getLabelNamesList();
        if (labelNames != null && !labelNames.isEmpty()) {
            batch.setLabelNames(labelNames);
        }
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public int inputColumns() {
        return source.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return source.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: batches come from memory; {@code next()} runs on the caller's (training) thread. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch: new resampled counts and order (and a new coreset if so configured). */
    @Override
    public void reset() {
        epoch++;
        if (reselectEachEpoch) {
            selectCoreset(selector.seed(Seeds.derive(selector.seed(), -epoch)));
        }
        planEpoch();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return source.getLabels();
    }

    @Override
    public void remove() {
        throw new UnsupportedOperationException("remove");
    }
}
