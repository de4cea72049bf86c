// Smile 6 training job for the JDK 25 instrumentation IT (SmileInstrumentationIT.Smile6OnJdk25).
//
// Why this is a resource and not a test class: Smile 6 class files are Java 25 (major 69), which the javac of this build
// (JDK 17, --release 11) cannot read, so the file cannot be compiled with the other tests. The IT runs it with the JDK
// 25 launcher in source-file mode, which compiles it in memory:
//   java -cp <smile 6 jars>:<target/test-classes> Smile6Job.java
// target/test-classes is on that class path for JobSupport (io.greentrain.agent.it.instrumentation.apps), compiled for
// Java 11 and so loadable by JDK 25: the blobs, the result hash, the step/result output protocol, the concurrent
// threads, the regression data and the error step are the very code SmileJob uses, not a copy.
//
// Why it is not merged with SmileJob (the Smile 3.1 job): the two run the same steps, in the same order, on the same
// data, but the Smile 3 and 6 APIs differ at every step that is not LogisticRegression or SVM:
//   rf         3.1: RandomForest.fit(formula, frame, 20, 3, GINI, 8, 100, 5, 1.0, null, LongStream seeds)
//              6:   RandomForest.fit(formula, frame, new RandomForest.Options(..., long[] seeds, null))
//   frame      3.1: DataFrame.merge(IntVector.of("y", y))       6: DataFrame.add(new IntVector("y", y))
//   kmeans     3.1: KMeans.fit(x, 3), field k                    6: KMeans.fit(x, 3, 100), record accessor k()
//   multistart 3.1: PartitionClustering.run(4, ...)             6: Clustering.run(4, ...) (the entry point the IT expects)
//   SplitRule  3.1: smile.base.cart.SplitRule                   6: smile.model.cart.SplitRule
// and either job only compiles against its own Smile generation. OLS needs the OS package libopenblas-dev (FFM BLAS).

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import io.greentrain.agent.it.instrumentation.apps.JobSupport;
import java.util.Arrays;
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
        JobSupport.Blobs train = new JobSupport.Blobs(900, 10, 1);
        JobSupport.Blobs test = new JobSupport.Blobs(300, 10, 2);
        Formula formula = Formula.lhs("y");
        DataFrame trainFrame = DataFrame.of(train.x).add(new IntVector("y", train.y));
        DataFrame testFrame = DataFrame.of(test.x);

        step("lr");
        LogisticRegression lr = LogisticRegression.fit(train.x, train.y);
        result("smile.lr", JobSupport.hash(lr.predict(test.x)));

        step("rf");
        long[] seeds = new long[20];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i + 1;
        }
        RandomForest rf = RandomForest.fit(formula, trainFrame,
                new RandomForest.Options(20, 3, SplitRule.GINI, 8, 100, 5, 1.0, null, seeds, null));
        result("smile.rf", JobSupport.hash(rf.predict(testFrame)));

        step("svm");
        Classifier<double[]> svm = SVM.fit(Arrays.copyOf(train.x, 450), Arrays.copyOf(train.y, 450), JobSupport.smileSvmOptions());
        result("smile.svm", JobSupport.hash(svm.predict(test.x)));

        step("kmeans");
        result("smile.kmeans", KMeans.fit(train.x, 3, 100).k());

        step("multistart");
        result("smile.multistart", Clustering.run(4, () -> KMeans.fit(train.x, 3, 100)).k());

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
