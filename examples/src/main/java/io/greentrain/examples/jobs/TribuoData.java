package io.greentrain.examples.jobs;

import java.util.ArrayList;
import java.util.List;

import io.greentrain.examples.data.LabelledData;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Converts rows to Tribuo examples (sparse: zero pixels are left out, as Tribuo treats absent features as 0). */
public final class TribuoData {

    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoData() {
    }

    public static String[] featureNames(int count) {
        String[] names = new String[count];
        int width = String.valueOf(Math.max(0, count - 1)).length();
        for (int j = 0; j < count; j++) {
            names[j] = "p" + String.format("%0" + width + "d", j);
        }
        return names;
    }

    /** A dataset of {@code data}, with {@code weights[i]} as the weight of row i when weights is not null. */
    public static MutableDataset<Label> dataset(LabelledData data, float[] weights) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(data.name(), LABELS), LABELS);
        String[] names = featureNames(data.numFeatures());
        for (int i = 0; i < data.size(); i++) {
            Example<Label> example = example(names, data.features()[i], new Label(Integer.toString(data.labels()[i])));
            if (weights != null) {
                example.setWeight(weights[i]);
            }
            dataset.add(example);
        }
        return dataset;
    }

    /** One sparse example of a row (zero features left out). */
    public static Example<Label> example(String[] names, float[] row, Label label) {
        int nonZero = 0;
        for (float v : row) {
            if (v != 0f) {
                nonZero++;
            }
        }
        String[] n = new String[nonZero];
        double[] v = new double[nonZero];
        int k = 0;
        for (int j = 0; j < row.length; j++) {
            if (row[j] != 0f) {
                n[k] = names[j];
                v[k] = row[j];
                k++;
            }
        }
        return new ArrayExample<>(label, n, v);
    }

    /** Predicted class indices (labels are the class indices as text). */
    public static int[] predict(Model<Label> model, LabelledData data) {
        String[] names = featureNames(data.numFeatures());
        List<Example<Label>> examples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            examples.add(example(names, data.features()[i], LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        int[] out = new int[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(predictions.get(i).getOutput().getLabel());
        }
        return out;
    }
}
