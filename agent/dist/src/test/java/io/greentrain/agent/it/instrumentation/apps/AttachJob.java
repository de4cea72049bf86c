package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * Trains before any agent is there (so the trainer classes are loaded, linked and have run), prints {@code ready},
 * waits for a line on stdin (the test attaches the agent meanwhile), then trains again with the same trainer classes.
 */
public final class AttachJob {

    private AttachJob() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> train = TribuoJob.dataset(new JobSupport.Blobs(300, 5, 1), labels);
        step("before-attach");
        new LogisticRegressionTrainer().train(train);
        result("ready", ProcessHandle.current().pid());

        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        step("after-attach");
        new LogisticRegressionTrainer().train(train);
        result("trained", go);
        step("done");
    }
}
