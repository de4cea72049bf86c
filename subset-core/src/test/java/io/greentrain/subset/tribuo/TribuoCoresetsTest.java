package io.greentrain.subset.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import io.greentrain.subset.WeightScale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableDataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The Tribuo adapter with real Tribuo trainers on the digits data. */
class TribuoCoresetsTest {

    private final Digits digits = Digits.load();
    private MutableDataset<Label> dataset;

    @BeforeEach
    void buildDataset() {
        LabelFactory factory = new LabelFactory();
        dataset = new MutableDataset<>(new SimpleDataSourceProvenance("digits", factory), factory);
        float[][] x = digits.features();
        int[] y = digits.labels();
        String[] names = new String[Digits.FEATURES];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("p%02d", j);
        }
        for (int i = 0; i < x.length; i++) {
            double[] values = new double[Digits.FEATURES];
            for (int j = 0; j < values.length; j++) {
                values[j] = x[i][j] / 16.0;
            }
            dataset.add(new ArrayExample<>(new Label(Integer.toString(y[i])), names, values));
        }
    }

    @Test
    void selectedExamplesAreWeightedCopiesAndTheCallersDatasetIsUnchanged() {
        List<List<Feature>> before = snapshot(dataset);
        ImmutableDataset<Label> coreset = TribuoCoresets.select(dataset, CoresetSelector.lightweight().size(300).seed(2));
        Coreset c = TribuoCoresets.coreset(dataset, CoresetSelector.lightweight().size(300).seed(2));

        assertThat(coreset.size()).isEqualTo(c.size());
        // the caller's feature and label ids are kept (a MutableDataset hands out a new immutable map per call)
        assertThat(coreset.getFeatureIDMap().size()).isEqualTo(dataset.getFeatureIDMap().size());
        for (int j = 0; j < Digits.FEATURES; j++) {
            String name = String.format("p%02d", j);
            assertThat(coreset.getFeatureIDMap().getID(name)).isEqualTo(dataset.getFeatureIDMap().getID(name));
        }
        for (int d = 0; d < 10; d++) {
            Label label = new Label(Integer.toString(d));
            assertThat(coreset.getOutputIDInfo().getID(label)).isEqualTo(dataset.getOutputIDInfo().getID(label));
        }
        double[] expected = c.weights(WeightScale.MEAN_ONE);
        double sum = 0;
        for (int k = 0; k < coreset.size(); k++) {
            Example<Label> copy = coreset.getExample(k);
            Example<Label> original = dataset.getExample(c.index(k));
            assertThat(copy).isNotSameAs(original);
            assertThat(copy.getOutput()).isEqualTo(original.getOutput());
            assertThat(features(copy)).isEqualTo(features(original));
            assertThat((double) copy.getWeight()).isCloseTo(expected[k], within(1e-5));
            sum += copy.getWeight();
        }
        assertThat(sum).isCloseTo(coreset.size(), within(1e-3));
        assertThat(new java.util.HashSet<>(List.of(coreset.getExample(0).getWeight(), coreset.getExample(1).getWeight(),
                coreset.getExample(2).getWeight()))).hasSizeGreaterThan(1);

        for (Example<Label> example : dataset) {
            assertThat(example.getWeight()).isEqualTo(Example.DEFAULT_WEIGHT);
        }
        assertThat(snapshot(dataset)).isEqualTo(before);
    }

    @Test
    void selectionSeesTheSameRowsAsTheArrayApi() {
        float[][] x = digits.features();
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (row[j] / 16.0);
            }
        }
        CoresetSelector selector = CoresetSelector.archetypal().size(100).seed(5);
        assertThat(TribuoCoresets.coreset(dataset, selector)).isEqualTo(selector.select(x));
        Coreset stratified = TribuoCoresets.coreset(dataset, CoresetSelector.stratified().size(100));
        assertThat(stratified.size()).isEqualTo(100);
    }

    @Test
    void populationScaleWeightsSumToAboutN() {
        ImmutableDataset<Label> coreset = TribuoCoresets.select(dataset,
                CoresetSelector.stratified().size(200).seed(1), WeightScale.POPULATION);
        double sum = 0;
        for (Example<Label> example : coreset) {
            sum += example.getWeight();
        }
        assertThat(sum).isCloseTo(Digits.ROWS, within(0.5));
    }

    @Test
    void weightAwareTrainersLearnFromTheWeightedCoreset() {
        CoresetSelector selector = CoresetSelector.stratified().fraction(0.2).seed(3);
        LogisticRegressionTrainer sgd = new LogisticRegressionTrainer();
        CARTClassificationTrainer cart = new CARTClassificationTrainer(10);
        assertThat(TribuoCoresets.honoursWeights(sgd)).isTrue();
        assertThat(TribuoCoresets.honoursWeights(cart)).isTrue();

        assertThat(accuracy(TribuoCoresets.train(sgd, dataset, selector), dataset)).isGreaterThan(0.85);
        assertThat(accuracy(TribuoCoresets.train(cart, dataset, selector), dataset)).isGreaterThan(0.6);
        assertThat(accuracy(cart.train(TribuoCoresets.selectFor(cart, dataset,
                CoresetSelector.lightweight().fraction(0.2).seed(3))), dataset)).isGreaterThan(0.6);
    }

    @Test
    void trainersWithoutWeightsGetReplicatedExamples() {
        DummyClassifierTrainer dummy = DummyClassifierTrainer.createMostFrequentTrainer();
        assertThat(TribuoCoresets.honoursWeights(dummy)).isFalse();
        CoresetSelector selector = CoresetSelector.lightweight().size(150).seed(4);
        ImmutableDataset<Label> replicated = TribuoCoresets.selectFor(dummy, dataset, selector);
        assertThat(replicated.size()).isEqualTo(150);
        for (Example<Label> example : replicated) {
            assertThat(example.getWeight()).isEqualTo(Example.DEFAULT_WEIGHT);
        }
        assertThat(dummy.train(replicated)).isNotNull();
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> TribuoCoresets.select(dataset, CoresetSelector.uniform().size(5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m = 5000");
        LabelFactory factory = new LabelFactory();
        Dataset<Label> empty = new MutableDataset<>(new SimpleDataSourceProvenance("empty", factory), factory);
        assertThatThrownBy(() -> TribuoCoresets.select(empty, CoresetSelector.uniform().size(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows = 0");
    }

    private static double accuracy(Model<Label> model, Dataset<Label> data) {
        int correct = 0;
        for (Prediction<Label> p : model.predict(data)) {
            correct += p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel()) ? 1 : 0;
        }
        return correct / (double) data.size();
    }

    private static List<Feature> features(Example<Label> example) {
        List<Feature> features = new ArrayList<>();
        example.forEach(features::add);
        return features;
    }

    private static List<List<Feature>> snapshot(Dataset<Label> data) {
        List<List<Feature>> all = new ArrayList<>();
        for (Example<Label> example : data) {
            all.add(features(example));
        }
        return all;
    }
}
