package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.greentrain.examples.data.LabelledData;
import io.greentrain.examples.jobs.TribuoData;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * EL2N scores (Paul, Ganguli &amp; Dziugaite 2021): for each training row, the L2 norm of the error vector
 * softmax(f(x)) − onehot(y), averaged over a few proxy models trained briefly from different seeds. The proxy is a
 * Tribuo logistic regression (linear SGD with the multiclass log loss, AdaGrad) trained for {@code epochs} epochs on
 * all training rows; its Tribuo {@code train} calls are charged to selection.
 */
public final class El2nScores {

    private El2nScores() {
    }

    public static double[] compute(LabelledData data, int proxies, int epochs, long seed) {
        double[] scores = new double[data.size()];
        String[] names = TribuoData.featureNames(data.numFeatures());
        List<Example<Label>> examples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            examples.add(TribuoData.example(names, data.features()[i], LabelFactory.UNKNOWN_LABEL));
        }
        for (int p = 0; p < proxies; p++) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), epochs,
                    Integer.MAX_VALUE, 1, seed * 31 + p);
            Model<Label> model = trainer.train(TribuoData.dataset(data, null));
            List<Prediction<Label>> predictions = model.predict(examples);
            for (int i = 0; i < scores.length; i++) {
                Map<String, Label> byLabel = predictions.get(i).getOutputScores();
                String truth = Integer.toString(data.labels()[i]);
                double sum = 0;
                double total = 0;
                for (Label l : byLabel.values()) {
                    total += Math.max(0, l.getScore());
                }
                boolean seenTruth = false;
                for (Map.Entry<String, Label> e : byLabel.entrySet()) {
                    double prob = total > 0 ? Math.max(0, e.getValue().getScore()) / total : 0;
                    double target = e.getKey().equals(truth) ? 1 : 0;
                    seenTruth |= target == 1;
                    sum += (prob - target) * (prob - target);
                }
                if (!seenTruth) {
                    sum += 1; // the true class was never seen by the proxy: probability 0
                }
                scores[i] += Math.sqrt(sum) / proxies;
            }
        }
        return scores;
    }
}
