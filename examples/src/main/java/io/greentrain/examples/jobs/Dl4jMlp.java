package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J: a multi-layer perceptron (inputs - hidden ReLU - softmax), Adam, trained with
 * {@code MultiLayerNetwork.fit(DataSetIterator, epochs)}: one training call for all epochs.
 */
public final class Dl4jMlp implements Trainer {

    private final int hidden;
    private final int epochs;
    private final int batchSize;

    public Dl4jMlp(int hidden, int epochs, int batchSize) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    @Override
    public String library() {
        return "dl4j";
    }

    @Override
    public String model() {
        return "mlp";
    }

    @Override
    public boolean supportsExampleWeights() {
        return false;
    }

    /**
     * Caps ND4J's OpenMP and BLAS threads. On a busy 2-core machine OpenMP's spinning threads made a 5-epoch run
     * 6x slower with 2 threads than with 1 (measured), so the study defaults to 1.
     */
    public static void limitThreads(int threads) {
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        }
    }

    public int epochs() {
        return epochs;
    }

    @Override
    public Classifier train(LabelledData data, float[] weights, long seed) {
        if (weights != null) {
            throw new IllegalArgumentException("DL4J has no per-example weights: resample instead");
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(1e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(data.numFeatures()).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(data.numClasses())
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet all = toDataSet(data);
        all.shuffle(seed);
        ListDataSetIterator<DataSet> iterator = new ListDataSetIterator<>(all.asList(), batchSize);
        net.fit(iterator, epochs);
        return test -> {
            INDArray out = net.output(features(test));
            return out.argMax(1).toIntVector();
        };
    }

    static INDArray features(LabelledData data) {
        return Nd4j.create(data.features());
    }

    static DataSet toDataSet(LabelledData data) {
        INDArray x = features(data);
        INDArray y = Nd4j.zeros(DataType.FLOAT, data.size(), data.numClasses());
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], 1f);
        }
        return new DataSet(x, y);
    }
}
