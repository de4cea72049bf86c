package io.greentrain.examples.bench;

import io.greentrain.examples.data.LabelledData;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The per-batch loop that {@link MiniBatchLoopBench} times, as a user writes it and knowing nothing of GreenTrain:
 * 3 epochs of {@code while (it.hasNext()) net.fit(it.next())} over 200 mini-batches of 16 rows (a small MLP, one
 * ND4J thread), after a warm-up of {@link #WARM_UP_BATCHES} fits on another network and a pause. Prints
 * {@code loop.seconds=S}: from the loop's first training call to the end of its last, so the agent's start-up is not in
 * the figure. With the agent the job makes two runs: the warm-up's and the loop's 600 calls.
 */
public final class MiniBatchLoopJob {

    static final int EPOCHS = 3;
    static final int BATCHES = 200;
    static final int BATCH_ROWS = 16;
    static final int WARM_UP_BATCHES = 50;
    static final long PAUSE_MILLIS = 3_000;

    private MiniBatchLoopJob() {
    }

    public static void main(String[] args) {
        io.greentrain.examples.jobs.Dl4jMlp.limitThreads(1);
        LabelledData data = StartupJobs.blobs(BATCHES * BATCH_ROWS, 10, 2, 7);
        List<DataSet> batches = batches(data);
        // Warm-up on another network, then a pause: DL4J's first fits JIT-compile and the agent (whose instrumentation
        // and sensors start when DL4J's classes load, beside the first fit) finishes starting; both variants pay the same
        // warm-up, and the loop below measures the steady per-batch path, not start-up (StartupBench measures that)
        MultiLayerNetwork warmUp = new MultiLayerNetwork(configuration(data));
        warmUp.init();
        for (DataSet batch : batches.subList(0, WARM_UP_BATCHES)) {
            warmUp.fit(batch);
        }
        sleep(PAUSE_MILLIS);
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(data));
        net.init();
        DataSetIterator it = new ListDataSetIterator<>(batches, 1); // one 16-row DataSet per next()
        long first = System.nanoTime();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            it.reset();
            while (it.hasNext()) {
                net.fit(it.next());
            }
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        System.out.println("loop.seconds=" + seconds);
        System.out.println("score=" + net.score());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MultiLayerConfiguration configuration(LabelledData data) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(data.numFeatures()).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(data.numClasses())
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** The data as {@link #BATCHES} DataSets of {@link #BATCH_ROWS} rows, built before the timed loop. */
    private static List<DataSet> batches(LabelledData data) {
        float[][] y = new float[data.size()][data.numClasses()];
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            y[i][labels[i]] = 1f;
        }
        return new DataSet(Nd4j.create(data.features()), Nd4j.create(y)).batchBy(BATCH_ROWS);
    }
}
