package io.greentrain.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.stats.SparkTrainingStats;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.stats.ParameterAveragingTrainingMasterStats;
import org.deeplearning4j.spark.impl.paramavg.stats.ParameterAveragingTrainingWorkerStats;
import org.deeplearning4j.spark.stats.EventStats;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A Spark job that trains one small DL4J network over the whole cluster with {@code SparkDl4jMultiLayer} and
 * parameter averaging: every executor fits its own copy on its share of each split, one {@code fit(DataSet)} per
 * minibatch, and the driver averages the copies' parameters after each split. Like {@link SparkTrainingJob} it knows
 * nothing of GreenTrain.
 *
 * <p>The rows are {@link SparkTrainingJob#data}'s two Gaussian classes. With the defaults (400 rows, 2 workers,
 * 20 rows a minibatch, averaging every 5 minibatches) one epoch is 2 averaging rounds of about 5 fits per worker.
 * The driver prints DL4J's own account of the training, which the test compares with the agent's records:
 * <pre>
 * DL4J_TRAINED app=app-2024.. rows=400 workers=2 averagings=2 fits=20 accuracy=0.8050 trainMillis=5200
 * DL4J_WORKER jvm=8f3a.. fits=10
 * </pre>
 * Driver and executors need {@code -Dorg.deeplearning4j.spark.time.TimeSource=org.deeplearning4j.spark.time.SystemClockTimeSource}
 * (see {@link #TIME_SOURCE_OPTION}).
 */
public final class Dl4jSparkJob {

    public static final String RESULT_PREFIX = "DL4J_TRAINED ";
    public static final String WORKER_PREFIX = "DL4J_WORKER ";
    /**
     * The training statistics time-stamp events with dl4j-spark's TimeSourceProvider, whose default queries
     * 0.pool.ntp.org (10 retries of 10 s where there is no network); the system clock is enough on one host.
     */
    public static final String TIME_SOURCE_OPTION =
            "-Dorg.deeplearning4j.spark.time.TimeSource=org.deeplearning4j.spark.time.SystemClockTimeSource";

    private static final long SEED = 20240917L;

    private Dl4jSparkJob() {
    }

    /** The command line: {@code --rows N --workers N --batch N --averaging-frequency N --app-name NAME}. */
    static final class Options {
        int rows = 400;
        int workers = 2;
        int batch = 20;
        int averagingFrequency = 5;
        String appName;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> o.rows = Integer.parseInt(value);
                    case "--workers" -> o.workers = Integer.parseInt(value);
                    case "--batch" -> o.batch = Integer.parseInt(value);
                    case "--averaging-frequency" -> o.averagingFrequency = Integer.parseInt(value);
                    case "--app-name" -> o.appName = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --rows, --workers, --batch, --averaging-frequency, --app-name)");
                }
            }
            if (o.rows < 1 || o.workers < 1 || o.batch < 1 || o.averagingFrequency < 1) {
                throw new IllegalArgumentException("--rows, --workers, --batch and --averaging-frequency must be >= 1");
            }
            return o;
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        SparkConf conf = new SparkConf();
        if (options.appName != null) {
            conf.setAppName(options.appName);
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            List<DataSet> rows = rows(options.rows);
            // one single-row DataSet per RDD element (the Builder's rddDataSetNumExamples = 1): the workers batch them
            JavaRDD<DataSet> data = spark.parallelize(rows, options.workers);
            ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(options.workers, 1)
                    .batchSizePerWorker(options.batch)
                    .averagingFrequency(options.averagingFrequency)
                    // Direct: the default Export approach writes the splits to a directory every executor must see
                    .rddTrainingApproach(RDDTrainingApproach.Direct)
                    .collectTrainingStats(true)
                    .rngSeed(SEED)
                    .build();
            SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(spark, configuration(), master);
            long start = System.nanoTime();
            network.fit(data);
            long millis = (System.nanoTime() - start) / 1_000_000;

            SparkTrainingStats stats = network.getSparkTrainingStats();
            Map<String, Integer> fitsPerJvm = new TreeMap<>();
            for (EventStats fit : events(stats, ParameterAveragingTrainingWorkerStats.PARAMETER_AVERAGING_WORKER_FIT_TIMES_MS)) {
                fitsPerJvm.merge(fit.getJvmID(), 1, Integer::sum);
            }
            int averagings = events(stats, ParameterAveragingTrainingMasterStats.PARAMETER_AVERAGING_MASTER_AGGREGATE_TIMES_MS).size();
            System.out.printf(Locale.ROOT, "%sapp=%s rows=%d workers=%d averagings=%d fits=%d accuracy=%.4f trainMillis=%d%n",
                    RESULT_PREFIX, spark.sc().applicationId(), options.rows, options.workers, averagings,
                    fitsPerJvm.values().stream().mapToInt(Integer::intValue).sum(), accuracy(network.getNetwork(), rows),
                    millis);
            fitsPerJvm.forEach((jvm, fits) -> System.out.printf(Locale.ROOT, "%sjvm=%s fits=%d%n", WORKER_PREFIX, jvm, fits));
            System.out.flush();
        }
    }

    /** 10 inputs, 16 ReLU units, a 2-class softmax: small enough that a fit is milliseconds, real enough to learn. */
    static MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .updater(new Adam(0.01))
                .list()
                .layer(new DenseLayer.Builder().nIn(SparkTrainingJob.FEATURES).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** {@link SparkTrainingJob#data}'s rows (partition 0), one-hot labels, a DataSet per row. */
    static List<DataSet> rows(int count) {
        int[] y = new int[count];
        double[][] x = SparkTrainingJob.data(0, count, y);
        List<DataSet> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            INDArray features = Nd4j.create(new double[][] {x[i]});
            INDArray label = Nd4j.create(new double[][] {{y[i] == 0 ? 1 : 0, y[i] == 1 ? 1 : 0}});
            rows.add(new DataSet(features, label));
        }
        return rows;
    }

    /** Training accuracy of the averaged network, computed on the driver (inference only: no fit there). */
    static double accuracy(MultiLayerNetwork network, List<DataSet> rows) {
        DataSet all = DataSet.merge(rows);
        INDArray predicted = network.output(all.getFeatures()).argMax(1);
        INDArray actual = all.getLabels().argMax(1);
        long correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            correct += predicted.getLong(i) == actual.getLong(i) ? 1 : 0;
        }
        return (double) correct / rows.size();
    }

    /** The events under {@code key} anywhere in the master's stats and the stats it nests (common, then worker). */
    static List<EventStats> events(SparkTrainingStats stats, String key) {
        for (SparkTrainingStats s = stats; s != null; s = s.getNestedTrainingStats()) {
            if (s.getKeySet().contains(key)) {
                List<EventStats> events = s.getValue(key);
                return events == null ? List.of() : events;
            }
        }
        throw new IllegalStateException("no " + key + " in DL4J's training stats (collectTrainingStats off?)");
    }
}
