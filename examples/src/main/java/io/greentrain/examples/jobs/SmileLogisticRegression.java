package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;
import smile.classification.LogisticRegression;

/** Smile 3.1.1 (GPL-3.0): multinomial {@code LogisticRegression.fit(double[][], int[], lambda, tol, maxIter)}. */
public final class SmileLogisticRegression implements Trainer {

    private final double lambda;
    private final int maxIter;

    public SmileLogisticRegression(double lambda, int maxIter) {
        this.lambda = lambda;
        this.maxIter = maxIter;
    }

    @Override
    public String library() {
        return "smile";
    }

    @Override
    public String model() {
        return "logistic-regression";
    }

    @Override
    public boolean supportsExampleWeights() {
        return false;
    }

    @Override
    public Classifier train(LabelledData data, float[] weights, long seed) {
        if (weights != null) {
            throw new IllegalArgumentException("Smile LogisticRegression has no per-example weights: resample instead");
        }
        LogisticRegression model = LogisticRegression.fit(data.toDoubles(), data.labels(), lambda, 1e-5, maxIter);
        return test -> {
            double[][] x = test.toDoubles();
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = model.predict(x[i]);
            }
            return out;
        };
    }
}
