package io.greentrain.grafana;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A plain training job that knows nothing of GreenTrain, for the end-to-end test. It prepares its data and
 * models, then waits for the start file (the test writes it once Prometheus scrapes the job, so that every
 * training call below happens while Prometheus watches), then:
 * <ol>
 *   <li>one Tribuo training call on a data set whose source fails while it is read (a failed call);</li>
 *   <li>one DL4J {@code MultiLayerNetwork.fit(iterator, epochs)}: a small real MLP trained for {@code epochs}
 *       epochs of about {@link #EPOCH} each. DL4J is the only library whose calls report epochs, and only a call
 *       with a known epoch count gets a forecast, so this call is what the "Epochs completed" and forecast
 *       panels show. Its epochs are bounded by time, not by a data size, so that the call spans several
 *       scrape intervals on a fast or a loaded machine alike;</li>
 *   <li>Tribuo logistic regressions again and again until the stop file appears (or the time limit).</li>
 * </ol>
 *
 * <p>Arguments: stop file, start file, time limit in seconds, DL4J epochs.
 */
public final class TrainingJob {

    private static final int FEATURES = 20;
    private static final int BATCH = 50;
    /** Wall-clock length of one DL4J epoch: the call lasts epochs x EPOCH, several 1 s scrape intervals. */
    static final Duration EPOCH = Duration.ofMillis(1500);

    private TrainingJob() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Path stopFile = Path.of(args[0]);
        Path startFile = Path.of(args[1]);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.parseLong(args[2])));
        int epochs = Integer.parseInt(args[3]);

        SplittableRandom random = new SplittableRandom(42);
        double[][] x = new double[4000][FEATURES];
        boolean[] y = new boolean[x.length];
        synthetic(x, y, random);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = tribuoDataset(factory, x, y);
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();
        // the ND4J backend takes seconds to start: before the start file, not inside the timed call
        List<DataSet> batches = dl4jBatches(x, y);
        MultiLayerNetwork mlp = new MultiLayerNetwork(mlpConfiguration());
        mlp.init();
        System.out.println("ready; waiting for " + startFile);
        while (!Files.exists(startFile) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        try {
            trainer.train(new FailingDataset(data, factory));
            System.out.println("the failing data set trained: the end-to-end test will miss its error call");
        } catch (IllegalStateException expected) {
            System.out.println("training on a failing data set failed, as intended: " + expected.getMessage());
        }

        TimedEpochIterator iterator = new TimedEpochIterator(batches, EPOCH);
        Instant dl4jStart = Instant.now();
        mlp.fit(iterator, epochs);
        System.out.println("dl4j: " + mlp.getEpochCount() + " epochs, " + iterator.minibatches + " minibatches in "
                + Duration.between(dl4jStart, Instant.now()).toMillis() + " ms, score " + mlp.score());

        int calls = 0;
        while (!Files.exists(stopFile) && Instant.now().isBefore(deadline)) {
            Model<Label> model = trainer.train(data);
            calls++;
            System.out.println("trained " + model.getClass().getSimpleName() + " #" + calls);
            Thread.sleep(300);
        }
        System.out.println("done after " + calls + " Tribuo training calls");
    }

    /** Gaussian features; the label is the sign of a fixed random linear score. */
    private static void synthetic(double[][] x, boolean[] y, SplittableRandom random) {
        double[] weights = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            weights[f] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < x.length; i++) {
            double score = 0;
            for (int f = 0; f < FEATURES; f++) {
                x[i][f] = random.nextGaussian();
                score += weights[f] * x[i][f];
            }
            y[i] = score > 0;
        }
    }

    private static MutableDataset<Label> tribuoDataset(LabelFactory factory, double[][] x, boolean[] y) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        String[] names = new String[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            names[f] = "f" + f;
        }
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Label(y[i] ? "yes" : "no"), names, x[i]));
        }
        return data;
    }

    private static List<DataSet> dl4jBatches(double[][] x, boolean[] y) {
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < x.length; from += BATCH) {
            int rows = Math.min(BATCH, x.length - from);
            double[][] features = new double[rows][];
            double[][] labels = new double[rows][2];
            for (int r = 0; r < rows; r++) {
                features[r] = x[from + r];
                labels[r][y[from + r] ? 1 : 0] = 1;
            }
            batches.add(new DataSet(Nd4j.create(features), Nd4j.create(labels)));
        }
        return batches;
    }

    private static MultiLayerConfiguration mlpConfiguration() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(0.005)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
    }

    /**
     * Cycles over in-memory minibatches; an epoch ends once it has lasted {@code epoch} (after at least one
     * minibatch), and {@link #reset} starts the next. Synchronous ({@code asyncSupported() == false}), so every
     * minibatch is fetched and trained on the calling thread, within the training call.
     */
    static final class TimedEpochIterator implements DataSetIterator {
        private static final long serialVersionUID = 1L;
        private final List<DataSet> batches;
        private final long epochNanos;
        private transient DataSetPreProcessor preProcessor;
        private int cursor;
        private long epochStart = -1;
        long minibatches;

        TimedEpochIterator(List<DataSet> batches, Duration epoch) {
            this.batches = batches;
            this.epochNanos = epoch.toNanos();
        }

        @Override
        public boolean hasNext() {
            return epochStart < 0 || System.nanoTime() - epochStart < epochNanos;
        }

        @Override
        public DataSet next() {
            if (epochStart < 0) {
                epochStart = System.nanoTime();
            }
            DataSet batch = batches.get(cursor);
            cursor = (cursor + 1) % batches.size();
            minibatches++;
            if (preProcessor != null) {
                batch = batch.copy(); // the stored minibatch is reused next epoch: pre-process a copy
                preProcessor.preProcess(batch);
            }
            return batch;
        }

        @Override
        public DataSet next(int num) {
            throw new UnsupportedOperationException("fixed minibatches of " + BATCH);
        }

        @Override
        public int inputColumns() {
            return FEATURES;
        }

        @Override
        public int totalOutcomes() {
            return 2;
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void reset() {
            epochStart = -1;
        }

        @Override
        public int batch() {
            return BATCH;
        }

        @Override
        public void setPreProcessor(DataSetPreProcessor preProcessor) {
            this.preProcessor = preProcessor;
        }

        @Override
        public DataSetPreProcessor getPreProcessor() {
            return preProcessor;
        }

        @Override
        public List<String> getLabels() {
            return List.of("no", "yes");
        }
    }

    /** A data set whose examples cannot be read: a data source that broke during training. */
    private static final class FailingDataset extends MutableDataset<Label> {
        private static final long serialVersionUID = 1L;

        FailingDataset(MutableDataset<Label> like, LabelFactory factory) {
            super(new SimpleDataSourceProvenance("failing", factory), factory);
            like.forEach(this::add);
        }

        @Override
        public Iterator<Example<Label>> iterator() {
            throw new IllegalStateException("data source unavailable");
        }
    }
}
