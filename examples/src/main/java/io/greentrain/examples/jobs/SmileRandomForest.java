package io.greentrain.examples.jobs;

import java.util.stream.LongStream;

import io.greentrain.examples.data.LabelledData;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** Smile 3.1.1 (GPL-3.0): {@code RandomForest.fit(Formula, DataFrame, ...)}, trees built in parallel. */
public final class SmileRandomForest implements Trainer {

    private final int trees;
    private final int maxDepth;

    public SmileRandomForest(int trees, int maxDepth) {
        this.trees = trees;
        this.maxDepth = maxDepth;
    }

    @Override
    public String library() {
        return "smile";
    }

    @Override
    public String model() {
        return "random-forest";
    }

    @Override
    public boolean supportsExampleWeights() {
        return false;
    }

    @Override
    public Classifier train(LabelledData data, float[] weights, long seed) {
        if (weights != null) {
            throw new IllegalArgumentException("Smile RandomForest has no per-example weights: resample instead");
        }
        DataFrame frame = frame(data).merge(IntVector.of("y", data.labels()));
        int features = data.numFeatures();
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(features)));
        RandomForest forest = RandomForest.fit(Formula.lhs("y"), frame, trees, mtry, SplitRule.GINI, maxDepth,
                Integer.MAX_VALUE, 1, 1.0, null, LongStream.range(seed * 1_000_003L, seed * 1_000_003L + trees));
        return test -> {
            DataFrame x = frame(test);
            int[] out = new int[test.size()];
            for (int i = 0; i < out.length; i++) {
                Tuple row = x.get(i);
                out[i] = forest.predict(row);
            }
            return out;
        };
    }

    static DataFrame frame(LabelledData data) {
        String[] names = new String[data.numFeatures()];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return DataFrame.of(data.toDoubles(), names);
    }
}
