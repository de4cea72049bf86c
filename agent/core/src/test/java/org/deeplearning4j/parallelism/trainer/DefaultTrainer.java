package org.deeplearning4j.parallelism.trainer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Fixture: a ParallelWrapper worker, fitting its replica minibatch by minibatch on its own thread. */
public class DefaultTrainer {

    private final MultiLayerNetwork replica = new MultiLayerNetwork();

    protected void fit(double[][] minibatch) {
        replica.fit(minibatch);
    }

    /** Runs {@code batches} minibatches on a new worker thread and waits for it. */
    public void runOnWorker(String name, int batches) throws InterruptedException {
        Thread worker = new Thread(() -> {
            for (int i = 0; i < batches; i++) {
                fit(new double[2][3]);
            }
        }, name);
        worker.start();
        worker.join();
    }
}
