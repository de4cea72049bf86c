package org.deeplearning4j.parallelism;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.trainer.DefaultTrainer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Fixture: ParallelWrapper.fit feeds worker threads, whose replicas call fit(minibatch). */
public class ParallelWrapper {

    private final MultiLayerNetwork model = new MultiLayerNetwork();

    public void fit(DataSetIterator iterator) throws InterruptedException {
        new DefaultTrainer().runOnWorker("ParallelWrapper training thread 0", 3);
        new DefaultTrainer().runOnWorker("ParallelWrapper training thread 1", 3);
    }

    public MultiLayerNetwork getModel() {
        return model;
    }
}
