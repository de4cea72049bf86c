package org.deeplearning4j.nn.multilayer;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Fixture: DL4J's fit(iterator, epochs) → fit(iterator) per epoch, each ending with incrementEpochCount(). */
public class MultiLayerNetwork {

    private int epochCount;

    public void fit(DataSetIterator iterator, int epochs) {
        for (int i = 0; i < epochs; i++) {
            fit(iterator);
        }
    }

    public void fit(DataSetIterator iterator) {
        fit(new double[iterator.batch()][3]);
        incrementEpochCount();
    }

    /** One minibatch step. */
    public void fit(double[][] minibatch) {
        if (minibatch.length == 0) {
            throw new IllegalStateException("empty minibatch");
        }
    }

    public void incrementEpochCount() {
        epochCount++;
    }

    public Configuration getLayerWiseConfigurations() {
        return new Configuration(epochCount);
    }

    /** Fixture configuration whose JSON carries the running epoch counter, like DL4J's. */
    public static final class Configuration {
        private final int epochCount;

        Configuration(int epochCount) {
            this.epochCount = epochCount;
        }

        public String toJson() {
            return "{\n  \"epochCount\" : " + epochCount + ",\n  \"iterationCount\" : " + (epochCount * 10)
                    + ",\n  \"layers\" : [ \"dense\", \"output\" ]\n}";
        }
    }
}
