package io.greentrain.grafana;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A plain Tribuo training job that knows nothing of GreenTrain, for the end-to-end test: it trains a
 * logistic regression on synthetic data again and again until the stop file appears (or the time limit),
 * and once trains on a data set whose source fails while it is read (a failed training call).
 *
 * <p>Arguments: stop file, time limit in seconds.
 */
public final class TribuoTrainingJob {

    private static final int FEATURES = 20;

    private TribuoTrainingJob() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Path stopFile = Path.of(args[0]);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.parseLong(args[1])));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = dataset(factory, 4000, new SplittableRandom(42));
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();
        try {
            trainer.train(new FailingDataset(data, factory));
            System.out.println("the failing data set trained: the end-to-end test will miss its error call");
        } catch (IllegalStateException expected) {
            System.out.println("training on a failing data set failed, as intended: " + expected.getMessage());
        }
        int calls = 0;
        while (!Files.exists(stopFile) && Instant.now().isBefore(deadline)) {
            Model<Label> model = trainer.train(data);
            calls++;
            System.out.println("trained " + model.getClass().getSimpleName() + " #" + calls);
            Thread.sleep(300);
        }
        System.out.println("done after " + calls + " training calls");
    }

    private static MutableDataset<Label> dataset(LabelFactory factory, int rows, SplittableRandom random) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        String[] names = new String[FEATURES];
        double[] weights = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            names[f] = "f" + f;
            weights[f] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < rows; i++) {
            double[] values = new double[FEATURES];
            double score = 0;
            for (int f = 0; f < FEATURES; f++) {
                values[f] = random.nextGaussian();
                score += weights[f] * values[f];
            }
            data.add(new ArrayExample<>(new Label(score > 0 ? "yes" : "no"), names, values));
        }
        return data;
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
