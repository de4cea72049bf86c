package io.greentrain.examples.jobs;

import io.greentrain.examples.data.LabelledData;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/**
 * Tribuo 4.3.2: a random forest of CART trees ({@code RandomForestTrainer} over {@code CARTClassificationTrainer}
 * with a feature-subsampling fraction); the trees honour example weights.
 */
public final class TribuoRandomForest implements Trainer {

    private final int trees;
    private final int maxDepth;

    public TribuoRandomForest(int trees, int maxDepth) {
        this.trees = trees;
        this.maxDepth = maxDepth;
    }

    @Override
    public String library() {
        return "tribuo";
    }

    @Override
    public String model() {
        return "random-forest";
    }

    @Override
    public boolean supportsExampleWeights() {
        return true;
    }

    @Override
    public Classifier train(LabelledData data, float[] weights, long seed) {
        // 2/sqrt(d) of the features per split, but below 1: Tribuo's random forest needs a fractional share (d = 2)
        float featureFraction = (float) Math.min(0.75, Math.max(0.05, 1.0 / Math.sqrt(Math.max(1, data.numFeatures())) * 2));
        CARTClassificationTrainer cart = new CARTClassificationTrainer(maxDepth, featureFraction, seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(cart, new VotingCombiner(), trees, seed);
        Model<Label> model = forest.train(TribuoData.dataset(data, weights));
        return test -> TribuoData.predict(model, test);
    }
}
