package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Tribuo 4.3.2: {@code LogisticRegressionTrainer} style linear SGD (AdaGrad); honours example weights. */
public final class TribuoLogisticRegression implements Trainer {

    private final int epochs;

    public TribuoLogisticRegression(int epochs) {
        this.epochs = epochs;
    }

    @Override
    public String library() {
        return "tribuo";
    }

    @Override
    public String model() {
        return "logistic-regression";
    }

    @Override
    public boolean supportsExampleWeights() {
        return true;
    }

    @Override
    public Classifier train(LabelledData data, float[] weights, long seed) {
        org.tribuo.classification.sgd.linear.LinearSGDTrainer trainer = epochs <= 0
                ? new LogisticRegressionTrainer()
                : new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1),
                        epochs, 1000, 1, seed);
        Model<Label> model = trainer.train(TribuoData.dataset(data, weights));
        return test -> TribuoData.predict(model, test);
    }
}
