package io.greentrain.subset.dl4j;

import io.greentrain.subset.RowCursor;
import io.greentrain.subset.RowSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The examples of a DL4J iterator as a {@link RowSource}: features flattened to one float row per example, class =
 * argmax of a one-hot label row. Each pass resets the iterator. During the selection pass it also gathers the
 * selected examples, batch by batch, as {@link DataSet} copies — before the iterator moves on, because iterators may
 * reuse their arrays.
 */
final class DataSetRows implements RowSource {

    private final DataSetIterator source;
    private final List<DataSet> gathered = new ArrayList<>();
    private boolean gathering;
    private int firstBatchSize;

    DataSetRows(DataSetIterator source) {
        this.source = source;
    }

    /** From the next pass on, keep the examples that {@link Cursor#keep()} marks. */
    void startGathering() {
        gathering = true;
        gathered.clear();
    }

    /** The examples kept in the last pass, in row order, merged into one data set. */
    DataSet gathered() {
        gathering = false;
        return gathered.size() == 1 ? gathered.get(0) : DataSet.merge(gathered);
    }

    /** The number of examples in the first batch read, 0 before any was read. */
    int firstBatchSize() {
        return firstBatchSize;
    }

    @Override
    public RowCursor open() {
        source.reset();
        return new Cursor();
    }

    @Override
    public String toString() {
        return source.getClass().getName();
    }

    /** Walks the examples of the current batch; {@link #keep()} marks the current one for gathering. */
    final class Cursor implements RowCursor {
        private DataSet batch;
        private float[][] rows;
        private int[] labels;
        private int local = -1;
        private int[] kept = new int[16];
        private int keptCount;

        @Override
        public boolean advance() {
            local++;
            while (batch == null || local >= rows.length) {
                flush();
                if (!source.hasNext()) {
                    batch = null;
                    return false;
                }
                load(source.next());
                local = 0;
            }
            return true;
        }

        private void load(DataSet next) {
            batch = next;
            INDArray features = next.getFeatures();
            long examples = features.size(0);
            INDArray flat = features.rank() == 2 ? features : features.reshape('c', examples, features.length() / examples);
            rows = flat.toFloatMatrix();
            if (firstBatchSize == 0) {
                firstBatchSize = rows.length;
            }
            INDArray labelArray = next.getLabels();
            labels = null;
            if (labelArray != null && labelArray.rank() == 2 && labelArray.size(1) > 1) {
                labels = labelArray.argMax(1).toIntVector();
            }
        }

        @Override
        public float[] row() {
            return rows[local];
        }

        @Override
        public int label() {
            return labels == null ? NO_LABEL : labels[local];
        }

        void keep() {
            if (keptCount == kept.length) {
                kept = Arrays.copyOf(kept, keptCount * 2);
            }
            kept[keptCount++] = local;
        }

        private void flush() {
            if (gathering && keptCount > 0) {
                gathered.add(batch.get(Arrays.copyOf(kept, keptCount)));
            }
            keptCount = 0;
        }
    }
}
