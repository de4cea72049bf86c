package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;

/**
 * One library's model, trained by a plain call into that library. Implementations know nothing of GreenTrain:
 * the agent, attached from outside, sees their training call ({@code fit} / {@code train}).
 */
public interface Trainer {

    /** {@code dl4j}, {@code smile} or {@code tribuo}: the library name the agent puts on its records. */
    String library();

    /** Short model name, e.g. {@code mlp}, {@code random-forest}. */
    String model();

    /** True if the library itself honours per-example weights (Tribuo); others need weighted resampling. */
    boolean supportsExampleWeights();

    /**
     * Trains on {@code data}. {@code weights} is null for unweighted data; otherwise one positive weight per row,
     * only passed when {@link #supportsExampleWeights()} is true.
     */
    Classifier train(LabelledData data, float[] weights, long seed);

    default String id() {
        return library() + "/" + model();
    }
}
