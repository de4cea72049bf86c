package io.greentrain.subset.tribuo;

import io.greentrain.subset.RowCursor;
import io.greentrain.subset.RowSource;
import java.util.Arrays;
import java.util.Iterator;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;

/**
 * The examples of a Tribuo dataset as dense float rows over the dataset's feature domain (feature id = column), one
 * reused buffer per pass. The class of a row is its label's id when the outputs are classification labels.
 */
final class ExampleRows<T extends Output<T>> implements RowSource {

    /** Referenced by name so that a regression-only user needs no tribuo-classification jar. */
    private static final String LABEL_CLASS = "org.tribuo.classification.Label";

    private final Dataset<T> dataset;
    private final ImmutableFeatureMap features;
    private final ImmutableOutputInfo<T> outputs;

    ExampleRows(Dataset<T> dataset) {
        this.dataset = dataset;
        this.features = dataset.getFeatureIDMap();
        this.outputs = dataset.getOutputIDInfo();
    }

    @Override
    public RowCursor open() {
        Iterator<Example<T>> examples = dataset.iterator();
        float[] row = new float[features.size()];
        return new RowCursor() {
            private int label = NO_LABEL;

            @Override
            public boolean advance() {
                if (!examples.hasNext()) {
                    return false;
                }
                Example<T> example = examples.next();
                Arrays.fill(row, 0f);
                for (Feature feature : example) {
                    int id = features.getID(feature.getName());
                    if (id >= 0) {
                        row[id] = (float) feature.getValue();
                    }
                }
                T output = example.getOutput();
                label = output.getClass().getName().equals(LABEL_CLASS) ? outputs.getID(output) : NO_LABEL;
                return true;
            }

            @Override
            public float[] row() {
                return row;
            }

            @Override
            public int label() {
                return label;
            }
        };
    }

    @Override
    public String toString() {
        return "Tribuo " + dataset.getClass().getSimpleName() + " of " + dataset.size() + " examples";
    }
}
