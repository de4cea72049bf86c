package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import java.util.Arrays;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.Classifier;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.regression.LinearModel;
import smile.regression.OLS;

/**
 * Smile 3.1 training job (Java 8+ API). Its Smile 6 twin is {@code src/test/resources/instrumentation/Smile6Job.java},
 * run by JDK 25 in source-file mode because Smile 6 class files (Java 25) cannot be compiled against here; both share
 * {@link JobSupport} (data, hashes, output protocol, threads) and run the same steps in the same order, and differ only
 * where the Smile API does (that file's header lists each difference: RandomForest options, DataFrame.merge vs add,
 * KMeans.fit arity and {@code k} vs {@code k()}, PartitionClustering vs Clustering, the SplitRule package).
 * Expected calls, one each: lr (fit(x,y) → fit(x,y,Properties) → positional, nested on one thread), rf (seeded),
 * svm (3 classes: OneVersusRest on the ForkJoin common pool, fan-out), kmeans (nested overloads), multistart
 * (PartitionClustering.run: 4 KMeans fits in a parallel stream), ols (smile.regression), 8 concurrent LR fits on
 * 8 threads (8 calls), and an LR fit whose x and y sizes differ (error).
 */
public final class SmileJob {

    private SmileJob() {
    }

    public static void main(String[] args) throws Exception {
        JobSupport.Blobs train = new JobSupport.Blobs(900, 10, 1);
        JobSupport.Blobs test = new JobSupport.Blobs(300, 10, 2);
        Formula formula = Formula.lhs("y");
        DataFrame trainFrame = DataFrame.of(train.x).merge(IntVector.of("y", train.y));
        DataFrame testFrame = DataFrame.of(test.x);

        step("lr");
        LogisticRegression lr = LogisticRegression.fit(train.x, train.y);
        result("smile.lr", JobSupport.hash(lr.predict(test.x)));

        step("rf");
        RandomForest rf = RandomForest.fit(formula, trainFrame, 20, 3, SplitRule.GINI, 8, 100, 5, 1.0, null,
                LongStream.range(1, 21));
        result("smile.rf", JobSupport.hash(rf.predict(testFrame)));

        step("svm");
        Classifier<double[]> svm = SVM.fit(Arrays.copyOf(train.x, 450), Arrays.copyOf(train.y, 450), JobSupport.smileSvmOptions());
        result("smile.svm", JobSupport.hash(svm.predict(test.x)));

        step("kmeans");
        result("smile.kmeans", KMeans.fit(train.x, 3).k);

        step("multistart");
        result("smile.multistart", PartitionClustering.run(4, () -> KMeans.fit(train.x, 3)).k);

        step("ols");
        LinearModel ols = OLS.fit(Formula.lhs("V4"), DataFrame.of(JobSupport.linearTarget(train.x)));
        result("smile.ols", String.format("%.3f", ols.intercept()));

        step("threads");
        String[] hashes = new String[8];
        JobSupport.concurrently(8, "trainer-", i -> hashes[i] = JobSupport.hash(LogisticRegression.fit(train.x, train.y).predict(test.x)));
        result("smile.threads", String.join(",", hashes));

        step("error");
        JobSupport.resultOrError("smile.error", () -> LogisticRegression.fit(train.x, Arrays.copyOf(train.y, 10)));
        step("done");
    }
}
