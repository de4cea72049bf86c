package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Eight threads train at once, between two pauses: the test reads the process's energy counters (Prometheus
 * endpoint) in each pause, so it can compare the energy of the eight calls with the process's energy over the same
 * interval. {@code hold} lines on stdout; any line on stdin continues.
 */
public final class ConcurrentTrainingJob {

    private ConcurrentTrainingJob() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        MutableDataset<Label> train = TribuoJob.dataset(new JobSupport.Blobs(3000, 20, 1), new LabelFactory());
        new LogisticRegressionTrainer().train(train); // warm-up: class loading and JIT outside the measured interval
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        result("hold", "before");
        in.readLine();
        JobSupport.concurrently(8, "trainer-", i ->
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 3, 1000, 1, 42L + i).train(train));
        result("hold", "after");
        in.readLine();
    }
}
