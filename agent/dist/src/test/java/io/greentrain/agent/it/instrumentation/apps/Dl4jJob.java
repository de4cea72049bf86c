package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J 1.0.0-M2.1 training job. Expected calls, one each: mln ({@code fit(iterator, 3)}: 3 epochs), minibatch
 * ({@code fit(DataSet)}), cg ({@code fit(iterator, 2)}: nested fit(MultiDataSetIterator) and one fit(INDArray[]..) per
 * minibatch), early-stopping (2 epochs, per-minibatch {@code net.fit(DataSet)} nested), parallel (ParallelWrapper,
 * 2 workers: the replicas' {@code fit(DataSet)} on worker threads are fan-out, not calls), and a fit whose input
 * has the wrong number of columns (error).
 */
public final class Dl4jJob {

    private static final int FEATURES = 10;

    private Dl4jJob() {
    }

    public static void main(String[] args) throws Exception {
        Nd4j.create(1); // backend start-up (seconds) before the first step
        JobSupport.Blobs trainBlobs = new JobSupport.Blobs(600, FEATURES, 1);
        JobSupport.Blobs testBlobs = new JobSupport.Blobs(300, FEATURES, 2);
        DataSet train = dataSet(trainBlobs);
        INDArray testX = Nd4j.create(testBlobs.x);
        List<DataSet> batches = train.asList();

        step("mln");
        MultiLayerNetwork mln = new MultiLayerNetwork(mlnConfiguration());
        mln.init();
        mln.fit(new ListDataSetIterator<>(batches, 50), 3);
        result("dl4j.mln", JobSupport.hash(mln.output(testX).argMax(1).toIntVector()));

        step("minibatch");
        mln.fit(train);
        result("dl4j.minibatch", JobSupport.hash(mln.output(testX).argMax(1).toIntVector()));

        step("cg");
        ComputationGraph cg = new ComputationGraph(cgConfiguration());
        cg.init();
        cg.fit(new ListDataSetIterator<>(batches, 50), 2);
        result("dl4j.cg", JobSupport.hash(cg.outputSingle(testX).argMax(1).toIntVector()));

        step("early-stopping");
        MultiLayerNetwork esNet = new MultiLayerNetwork(mlnConfiguration());
        esNet.init();
        EarlyStoppingConfiguration<MultiLayerNetwork> esConfiguration = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(2))
                .scoreCalculator(new DataSetLossCalculator(new ListDataSetIterator<>(dataSet(testBlobs).asList(), 100), true))
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        EarlyStoppingResult<MultiLayerNetwork> esResult =
                new EarlyStoppingTrainer(esConfiguration, esNet, new ListDataSetIterator<>(batches, 50)).fit();
        result("dl4j.early-stopping", esResult.getTotalEpochs());

        step("parallel");
        MultiLayerNetwork pwNet = new MultiLayerNetwork(mlnConfiguration());
        pwNet.init();
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(pwNet).workers(2).prefetchBuffer(2).averagingFrequency(1).build();
        wrapper.fit(new ListDataSetIterator<>(batches, 25));
        wrapper.close();
        result("dl4j.parallel", "done");

        step("error");
        JobSupport.resultOrError("dl4j.error", () -> mln.fit(Nd4j.rand(5, FEATURES + 3), Nd4j.zeros(5, 3)));
        step("done");
    }

    static DataSet dataSet(JobSupport.Blobs blobs) {
        double[][] labels = new double[blobs.y.length][3];
        for (int i = 0; i < blobs.y.length; i++) {
            labels[i][blobs.y[i]] = 1;
        }
        return new DataSet(Nd4j.create(blobs.x), Nd4j.create(labels));
    }

    static MultiLayerConfiguration mlnConfiguration() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3).activation(Activation.SOFTMAX).build())
                .build();
    }

    static ComputationGraphConfiguration cgConfiguration() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(0.01)).graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .build();
    }
}
