package io.greentrain.examples.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Spark job that trains one small classifier per partition, each inside an executor task, with Smile or Tribuo's
 * ordinary public API. It knows nothing of GreenTrain: the agent, when attached to the executors, sees plain
 * {@code fit}/{@code train} calls.
 *
 * <p>Run with {@code spark-submit --class io.greentrain.examples.spark.SparkTrainingJob <this jar> [options]}; the
 * master and app name come from spark-submit. The driver prints one line per partition:
 * {@code TRAINED library=smile partition=0 executor=1 pid=4242 rows=500000 accuracy=0.8300 trainMillis=1500}.
 */
public final class SparkTrainingJob {

    /** The prefix of the driver's per-partition result lines. */
    public static final String RESULT_PREFIX = "TRAINED ";

    static final int FEATURES = 10;
    /** Half the distance between the two class means, per feature: about 83 % is learnable, so accuracy says something. */
    private static final double SHIFT = 0.3;
    private static final long SEED = 20240917L;

    private SparkTrainingJob() {
    }

    /** The command line; plain parsing keeps the job's --jars down to the two ML libraries. */
    static final class Options {
        String library = "smile";
        int partitions = 2;
        /** 0: the library's default, sized so one partition trains in roughly 1-3 s on one core. */
        int rowsPerPartition = 0;
        Path await;
        String appName;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--library":
                        o.library = value.toLowerCase(Locale.ROOT);
                        break;
                    case "--partitions":
                        o.partitions = Integer.parseInt(value);
                        break;
                    case "--rows-per-partition":
                        o.rowsPerPartition = Integer.parseInt(value);
                        break;
                    case "--await":
                        o.await = Paths.get(value);
                        break;
                    case "--app-name":
                        o.appName = value;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + name
                                + " (known: --library smile|tribuo, --partitions N, --rows-per-partition N,"
                                + " --await FILE, --app-name NAME)");
                }
            }
            if (!o.library.equals("smile") && !o.library.equals("tribuo")) {
                throw new IllegalArgumentException("--library must be smile or tribuo, not " + o.library);
            }
            if (o.partitions < 1 || o.rowsPerPartition < 0) {
                throw new IllegalArgumentException("--partitions must be >= 1 and --rows-per-partition >= 0");
            }
            if (o.rowsPerPartition == 0) {
                o.rowsPerPartition = defaultRows(o.library);
            }
            return o;
        }
    }

    /** Tribuo's SGD (5 epochs, one example at a time) costs more per row than Smile's batch L-BFGS. */
    static int defaultRows(String library) {
        return library.equals("smile") ? 500_000 : 60_000;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        SparkConf conf = new SparkConf();
        if (options.appName != null) {
            conf.setAppName(options.appName);
        }
        String library = options.library;
        int rows = options.rowsPerPartition;
        boolean released = true;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            List<Integer> seeds = IntStream.range(0, options.partitions).boxed().collect(Collectors.toList());
            // one seed per partition, so each task trains exactly one model on its own data
            List<String> lines = spark.parallelize(seeds, options.partitions)
                    .mapPartitionsWithIndex((partition, ignored) -> trainPartition(library, partition, rows), true)
                    .collect();
            lines.forEach(System.out::println);
            System.out.flush();
            if (options.await != null) {
                released = awaitRelease(options.await);
            }
        }
        if (!released) {
            System.err.println("nobody created " + options.await + " within 120 s; stopped anyway");
            System.exit(3);
        }
    }

    private static Iterator<String> trainPartition(String library, int partition, int rows) {
        int[] y = new int[rows];
        double[][] x = data(partition, rows, y);
        long start = System.nanoTime();
        double accuracy = library.equals("smile") ? trainSmile(x, y) : trainTribuo(x, y);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String line = String.format(Locale.ROOT, "%slibrary=%s partition=%d executor=%s pid=%d rows=%d accuracy=%.4f trainMillis=%d",
                RESULT_PREFIX, library, partition, SparkEnv.get().executorId(), ProcessHandle.current().pid(),
                rows, accuracy, millis);
        return List.of(line).iterator();
    }

    /** Two Gaussian classes whose means differ by 2 * SHIFT on every feature; the same rows for the same partition. */
    static double[][] data(int partition, int rows, int[] labels) {
        Random random = new Random(SEED + partition);
        double[][] x = new double[rows][FEATURES];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
            double mean = labels[i] == 1 ? SHIFT : -SHIFT;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = mean + random.nextGaussian();
            }
        }
        return x;
    }

    /** Smile's binomial logistic regression; returns the training accuracy. */
    static double trainSmile(double[][] x, int[] y) {
        smile.classification.LogisticRegression model = smile.classification.LogisticRegression.fit(x, y);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += model.predict(x[i]) == y[i] ? 1 : 0;
        }
        return (double) correct / x.length;
    }

    /** Tribuo's SGD logistic regression on an in-memory dataset; returns the training accuracy. */
    static double trainTribuo(double[][] x, int[] y) {
        String[] names = IntStream.range(0, FEATURES).mapToObj(j -> "f" + j).toArray(String[]::new);
        LabelFactory labels = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            examples.add(new ArrayExample<>(new Label(y[i] == 1 ? "pos" : "neg"), names, x[i]));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(examples,
                new SimpleDataSourceProvenance("synthetic", labels), labels);
        // what LogisticRegressionTrainer sets up (log loss, AdaGrad, 5 epochs, default seed) without its
        // "At iteration N" line every 1000 examples
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, -1, 1,
                Trainer.DEFAULT_SEED);
        Model<Label> model = trainer.train(dataset);
        return new LabelEvaluator().evaluate(model, dataset).accuracy();
    }

    /** Signals "trained" with FILE.trained, then keeps the executors alive until FILE exists (at most 120 s). */
    private static boolean awaitRelease(Path release) throws IOException, InterruptedException {
        Files.createFile(release.resolveSibling(release.getFileName() + ".trained"));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(release)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
