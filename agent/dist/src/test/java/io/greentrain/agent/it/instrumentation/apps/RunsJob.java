package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import io.greentrain.api.GreenTrain;
import java.util.List;
import java.util.Properties;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.evaluation.CrossValidation;
import smile.classification.LogisticRegression;

/**
 * The training patterns that make runs and groups, one per JVM (the first argument):
 * <ul>
 *   <li>{@code minibatch-loop}: DL4J, 3 epochs of {@code while (it.hasNext()) net.fit(it.next())} over 200 mini-batches;</li>
 *   <li>{@code fit-epochs}: DL4J {@code fit(iterator, 3)};</li>
 *   <li>{@code two-threads}: two DL4J models, each trained with 50 {@code fit(DataSet)} on its own thread, interleaved;</li>
 *   <li>{@code gap}: 20 {@code fit(DataSet)}, an evaluation longer than {@code runs.gap}, 20 more on the same model;</li>
 *   <li>{@code tribuo-cv}: Tribuo {@code CrossValidation} of 3 configurations x 5 folds;</li>
 *   <li>{@code smile-grid}: Smile {@code CrossValidation.classification} of 3 configurations x 5 folds;</li>
 *   <li>{@code paced}: 200 {@code fit(DataSet)} on one model, 15 ms apart (a run that lasts several seconds);</li>
 *   <li>{@code early-stopping}: DL4J {@code EarlyStoppingTrainer.fit()} for 4 epochs of 200 mini-batches;</li>
 *   <li>{@code explicit}: {@code GreenTrain.startGroup} around two {@code startRun}s, each training two new models;</li>
 *   <li>{@code measured-block}: {@code GreenTrain.run} around 0.4 s of its own work, 100 {@code fit(DataSet)} and 0.2 s
 *   more: the block's run and the fits' run nested in it.</li>
 * </ul>
 */
public final class RunsJob {

    private static final int FEATURES = 10;

    private RunsJob() {
    }

    public static void main(String[] args) throws Exception {
        String pattern = args[0];
        if (pattern.startsWith("tribuo")) {
            tribuoCrossValidation();
        } else if (pattern.startsWith("smile")) {
            smileGrid();
        } else {
            Nd4j.create(1); // backend start-up (seconds) before the first step
            dl4j(pattern);
        }
        step("done");
        // -Drunsjob.linger.millis: stay up after training, so runs end by runs.gap rather than at exit (a Flight
        // Recorder dump-on-exit and the agent's exit hook run concurrently)
        long linger = Long.getLong("runsjob.linger.millis", 0);
        if (linger > 0) {
            Thread.sleep(linger);
        }
    }

    private static void dl4j(String pattern) throws Exception {
        JobSupport.Blobs blobs = new JobSupport.Blobs(3_200, FEATURES, 1);
        DataSet train = Dl4jJob.dataSet(blobs);
        List<DataSet> batches = train.batchBy(16); // 200 mini-batches
        step(pattern);
        switch (pattern) {
            case "minibatch-loop": {
                MultiLayerNetwork net = network();
                long first = System.nanoTime();
                DataSetIterator it = new ListDataSetIterator<>(batches, 1); // one 16-row DataSet per next()
                for (int epoch = 0; epoch < 3; epoch++) {
                    it.reset();
                    while (it.hasNext()) {
                        net.fit(it.next());
                    }
                }
                result("loop.seconds", (System.nanoTime() - first) / 1e9);
                break;
            }
            case "fit-epochs":
                network().fit(new ListDataSetIterator<>(batches, 1), 3);
                break;
            case "two-threads": {
                MultiLayerNetwork a = network();
                MultiLayerNetwork b = network();
                Thread first = new Thread(() -> fitEach(a, batches.subList(0, 50)), "trainer-a");
                Thread second = new Thread(() -> fitEach(b, batches.subList(50, 100)), "trainer-b");
                first.start();
                second.start();
                first.join();
                second.join();
                break;
            }
            case "gap": {
                MultiLayerNetwork net = network();
                fitEach(net, batches.subList(0, 20));
                Thread.sleep(2_500); // "evaluation": longer than the job's runs.gap of 1 s
                step("gap-again");
                fitEach(net, batches.subList(20, 40));
                break;
            }
            case "paced": {
                // one run of 200 fits with 15 ms between them: at least 3 s, several progress intervals of 1 s
                MultiLayerNetwork net = network();
                for (DataSet batch : batches) {
                    net.fit(batch);
                    Thread.sleep(15);
                }
                break;
            }
            case "early-stopping": {
                // DL4J's early stopping trains one model epoch by epoch until a condition holds: one run (its
                // fit() is the call; the per-minibatch net.fit(DataSet) inside are nested and counted, not calls)
                MultiLayerNetwork net = network();
                EarlyStoppingConfiguration<MultiLayerNetwork> configuration = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                        .epochTerminationConditions(new MaxEpochsTerminationCondition(4))
                        .scoreCalculator(new DataSetLossCalculator(new ListDataSetIterator<>(batches.subList(0, 20), 16), true))
                        .modelSaver(new InMemoryModelSaver<>())
                        .build();
                EarlyStoppingResult<MultiLayerNetwork> stopped =
                        new EarlyStoppingTrainer(configuration, net, new ListDataSetIterator<>(batches, 1)).fit();
                result("early-stopping.epochs", stopped.getTotalEpochs());
                break;
            }
            case "explicit":
                try (GreenTrain.Scope search = GreenTrain.startGroup("lr-search")) {
                    for (String rate : new String[] {"0.01", "0.1"}) {
                        try (GreenTrain.Scope run = GreenTrain.startRun("lr=" + rate)) {
                            fitEach(network(), batches.subList(0, 10));
                            fitEach(network(), batches.subList(10, 20));
                        }
                    }
                }
                break;
            case "measured-block":
                GreenTrain.run("prepare-and-train", () -> {
                    JobSupport.busy(400); // "preparing the data", inside the block but not training
                    fitEach(network(), batches.subList(0, 100));
                    JobSupport.busy(200);
                });
                break;
            default:
                throw new IllegalArgumentException("unknown pattern " + pattern);
        }
    }

    private static void fitEach(MultiLayerNetwork net, List<DataSet> batches) {
        for (DataSet batch : batches) {
            net.fit(batch);
        }
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(Dl4jJob.mlnConfiguration());
        net.init();
        return net;
    }

    private static void tribuoCrossValidation() {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = TribuoJob.dataset(new JobSupport.Blobs(600, FEATURES, 1), labels);
        step("tribuo-cv");
        for (int epochs : new int[] {1, 2, 3}) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5), epochs, 1L);
            CrossValidation<Label, ?> cv = new CrossValidation<>(trainer, data, new LabelEvaluator(), 5, 42L);
            result("tribuo.cv." + epochs, cv.evaluate().size());
        }
    }

    private static void smileGrid() {
        JobSupport.Blobs blobs = new JobSupport.Blobs(600, FEATURES, 1);
        step("smile-grid");
        for (double lambda : new double[] {0.0, 0.1, 1.0}) {
            Properties params = new Properties();
            params.setProperty("smile.logistic.lambda", Double.toString(lambda));
            result("smile.cv." + lambda, smile.validation.CrossValidation.classification(5, blobs.x, blobs.y,
                    (x, y) -> LogisticRegression.fit(x, y, params)).avg.accuracy);
        }
    }
}
