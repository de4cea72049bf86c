package io.greentrain.agent.it.instrumentation.apps;

import static io.greentrain.agent.it.instrumentation.apps.JobSupport.result;
import static io.greentrain.agent.it.instrumentation.apps.JobSupport.step;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo 4.3 training job: one step per behaviour the instrumentation must get right. Expected calls (one each):
 * lr, cart, bagging (5 inner CART trains on the same thread), adaboost (inner trains), 8 concurrent LR trains on
 * 8 threads (8 calls), and an LR train with a negative invocation count that throws (error).
 */
public final class TribuoJob {

    private TribuoJob() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset(); // Tribuo logs progress through java.util.logging
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> train = dataset(new JobSupport.Blobs(900, 10, 1), labels);
        MutableDataset<Label> test = dataset(new JobSupport.Blobs(300, 10, 2), labels);

        step("lr");
        result("tribuo.lr", predictions(new LogisticRegressionTrainer().train(train), test));

        step("cart");
        result("tribuo.cart", predictions(new CARTClassificationTrainer(6).train(train), test));

        step("bagging");
        Trainer<Label> bagging = new BaggingTrainer<>(new CARTClassificationTrainer(4), new VotingCombiner(), 5);
        result("tribuo.bagging", predictions(bagging.train(train), test));

        step("adaboost");
        result("tribuo.adaboost", predictions(new AdaBoostTrainer(new CARTClassificationTrainer(2), 4).train(train), test));

        step("threads");
        String[] hashes = new String[8];
        JobSupport.concurrently(8, "trainer-", i -> hashes[i] = predictions(new LogisticRegressionTrainer().train(train), test));
        result("tribuo.threads", String.join(",", hashes));

        step("error");
        // invocationCount < 0
        JobSupport.resultOrError("tribuo.error", () -> new LogisticRegressionTrainer().train(train, java.util.Collections.emptyMap(), -5));
        step("done");
    }

    static MutableDataset<Label> dataset(JobSupport.Blobs blobs, LabelFactory labels) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", labels), labels);
        String[] names = new String[blobs.x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "f" + j;
        }
        for (int i = 0; i < blobs.x.length; i++) {
            dataset.add(new ArrayExample<>(new Label("c" + blobs.y[i]), names, blobs.x[i]));
        }
        return dataset;
    }

    static String predictions(Model<Label> model, MutableDataset<Label> test) {
        List<Example<Label>> examples = new ArrayList<>();
        test.forEach(examples::add);
        StringBuilder text = new StringBuilder();
        for (Prediction<Label> prediction : model.predict(examples)) {
            text.append(prediction.getOutput().getLabel()).append(',');
        }
        return JobSupport.hash(text.toString());
    }
}
