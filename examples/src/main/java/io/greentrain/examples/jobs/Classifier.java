package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;

/** A trained model, seen only through its predictions. */
public interface Classifier {

    /** Predicted class indices for every row of {@code data}. */
    int[] predict(LabelledData data);

    /** Share of rows of {@code data} predicted correctly. */
    default double accuracy(LabelledData data) {
        int[] predicted = predict(data);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.labels()[i]) {
                correct++;
            }
        }
        return data.size() == 0 ? Double.NaN : (double) correct / data.size();
    }
}
