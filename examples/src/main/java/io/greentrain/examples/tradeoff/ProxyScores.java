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
 * The scores of a short proxy training, from which the score-based coresets choose (the "selection via proxy" idea,
 * Coleman et al. 2020, ICLR): a Tribuo logistic regression (linear SGD, multiclass log loss, AdaGrad) trained for
 * one epoch on a seeded {@code proxyFraction} of the rows, then asked for every row's class probabilities p.
 *
 * <ul>
 *   <li>{@link #gradientNorms()}: ‖p − onehot(y)‖₂, the norm of the log loss's gradient in the logits, which is EL2N
 *       (Paul et al. 2021): the difficulty score of CCS and the |g| of GOSS;</li>
 *   <li>{@link #centreDistances()}: ‖p − c_y‖₂, the distance of a row's representation to its class centre c_y (the
 *       mean p of its class), the score of moderate coresets (Xia et al. 2023).</li>
 * </ul>
 */
public final class ProxyScores {

    private final double[] gradientNorms;
    private final double[] centreDistances;

    private ProxyScores(double[] gradientNorms, double[] centreDistances) {
        this.gradientNorms = gradientNorms;
        this.centreDistances = centreDistances;
    }

    public double[] gradientNorms() {
        return gradientNorms;
    }

    public double[] centreDistances() {
        return centreDistances;
    }

    /** @throws IllegalArgumentException if the fraction is not in (0, 1] */
    public static ProxyScores compute(LabelledData data, double proxyFraction, long seed) {
        if (!(proxyFraction > 0 && proxyFraction <= 1)) {
            throw new IllegalArgumentException("proxy fraction = " + proxyFraction + " is not in (0, 1]");
        }
        int classes = data.numClasses();
        int n = data.size();
        LabelledData proxyRows = data.shuffled(seed * 7919 + 1).head(Math.max(classes, (int) (proxyFraction * n)));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 1,
                Integer.MAX_VALUE, 1, seed * 31 + 7);
        Model<Label> model = trainer.train(TribuoData.dataset(proxyRows, null));
        String[] names = TribuoData.featureNames(data.numFeatures());
        List<Example<Label>> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            examples.add(TribuoData.example(names, data.features()[i], LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] p = new double[n][classes];
        double[][] centre = new double[classes][classes];
        int[] count = new int[classes];
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            probabilities(predictions.get(i).getOutputScores(), p[i]);
            int y = data.labels()[i];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = p[i][c] - (c == y ? 1 : 0);
                sum += e * e;
                centre[y][c] += p[i][c];
            }
            count[y]++;
            gradient[i] = Math.sqrt(sum);
        }
        for (int y = 0; y < classes; y++) {
            for (int c = 0; c < classes; c++) {
                centre[y][c] /= Math.max(1, count[y]);
            }
        }
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            double[] c = centre[data.labels()[i]];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += (p[i][k] - c[k]) * (p[i][k] - c[k]);
            }
            distance[i] = Math.sqrt(sum);
        }
        return new ProxyScores(gradient, distance);
    }

    /** Tribuo's scores of one prediction as probabilities indexed by class number (labels are "0".."k-1"). */
    private static void probabilities(Map<String, Label> byLabel, double[] into) {
        double total = 0;
        for (Label l : byLabel.values()) {
            total += Math.max(0, l.getScore());
        }
        for (Map.Entry<String, Label> e : byLabel.entrySet()) {
            int c = Integer.parseInt(e.getKey());
            if (c >= 0 && c < into.length) {
                into[c] = total > 0 ? Math.max(0, e.getValue().getScore()) / total : 1.0 / into.length;
            }
        }
    }
}
