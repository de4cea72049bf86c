// Smile 6 training job for the JDK 25 instrumentation IT (SmileInstrumentationIT). Smile 6 class files are Java 25
// (major 69), which javac 17 cannot read, so this file is run by the JDK 25 launcher in source-file mode:
//   java -cp <smile 6 jars> Smile6Job.java
// It mirrors the Smile 3 job (io.greentrain.agent.it.instrumentation.apps.SmileJob) step by step, on the 6.x API
// (Options records, CentroidClustering, Clustering.run). OLS needs the OS package libopenblas-dev (FFM BLAS).

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import smile.classification.Classifier;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;
import smile.regression.LinearModel;
import smile.regression.OLS;

public class Smile6Job {

    public static void main(String[] args) throws Exception {
        Blobs train = new Blobs(900, 10, 1);
        Blobs test = new Blobs(300, 10, 2);
        Formula formula = Formula.lhs("y");
        DataFrame trainFrame = DataFrame.of(train.x).add(new IntVector("y", train.y));
        DataFrame testFrame = DataFrame.of(test.x);

        step("lr");
        LogisticRegression lr = LogisticRegression.fit(train.x, train.y);
        result("smile.lr", hash(lr.predict(test.x)));

        step("rf");
        long[] seeds = new long[20];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i + 1;
        }
        RandomForest rf = RandomForest.fit(formula, trainFrame,
                new RandomForest.Options(20, 3, SplitRule.GINI, 8, 100, 5, 1.0, null, seeds, null));
        result("smile.rf", hash(rf.predict(testFrame)));

        step("svm");
        Properties svmOptions = new Properties();
        svmOptions.setProperty("smile.svm.kernel", "Gaussian(3.0)");
        svmOptions.setProperty("smile.svm.C", "5");
        Classifier<double[]> svm = SVM.fit(Arrays.copyOf(train.x, 450), Arrays.copyOf(train.y, 450), svmOptions);
        result("smile.svm", hash(svm.predict(test.x)));

        step("kmeans");
        result("smile.kmeans", KMeans.fit(train.x, 3, 100).k());

        step("multistart");
        result("smile.multistart", Clustering.run(4, () -> KMeans.fit(train.x, 3, 100)).k());

        step("ols");
        double[][] regression = new double[train.x.length][];
        for (int i = 0; i < regression.length; i++) {
            regression[i] = Arrays.copyOf(train.x[i], 4);
            regression[i][3] = 2 * train.x[i][0] - train.x[i][1] + 0.5;
        }
        LinearModel ols = OLS.fit(Formula.lhs("V4"), DataFrame.of(regression));
        result("smile.ols", String.format("%.3f", ols.intercept()));

        step("threads");
        String[] hashes = new String[8];
        Thread[] workers = new Thread[8];
        for (int t = 0; t < workers.length; t++) {
            int index = t;
            workers[t] = new Thread(() -> hashes[index] = hash(LogisticRegression.fit(train.x, train.y).predict(test.x)), "trainer-" + t);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        result("smile.threads", String.join(",", hashes));

        step("error");
        try {
            LogisticRegression.fit(train.x, Arrays.copyOf(train.y, 10));
            result("smile.error", "none");
        } catch (RuntimeException e) {
            result("smile.error", e.getClass().getName() + ": " + e.getMessage());
        }
        step("done");
    }


    static void step(String name) {
        System.err.println("job: step " + name);
        System.err.flush();
    }

    static void result(String key, Object value) {
        System.out.println(key + " " + value);
        System.out.flush();
    }

    static String hash(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(value).append(',');
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        return hex.toString();
    }

    /** Same blobs as JobSupport.Blobs. */
    static final class Blobs {
        final double[][] x;
        final int[] y;

        Blobs(int rows, int features, long seed) {
            Random random = new Random(seed);
            double[][] centres = new double[3][features];
            Random centreRandom = new Random(7);
            for (double[] centre : centres) {
                for (int j = 0; j < features; j++) {
                    centre[j] = centreRandom.nextGaussian() * 1.5;
                }
            }
            x = new double[rows][features];
            y = new int[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = i % 3;
                for (int j = 0; j < features; j++) {
                    x[i][j] = centres[y[i]][j] + random.nextGaussian();
                }
            }
        }
    }
}
