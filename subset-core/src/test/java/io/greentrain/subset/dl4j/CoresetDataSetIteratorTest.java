package io.greentrain.subset.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import io.greentrain.subset.Resampling;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The DL4J adapter with real DL4J on the digits data: contract, no mutation, weighted training in expectation. */
class CoresetDataSetIteratorTest {

    private static DataSet digits;

    @BeforeAll
    static void loadDigits() {
        Digits d = Digits.load();
        float[][] x = d.features();
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= 16f;
            }
        }
        int[] labels = d.labels();
        float[][] oneHot = new float[labels.length][10];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i][labels[i]] = 1f;
        }
        digits = new DataSet(Nd4j.create(x), Nd4j.create(oneHot));
    }

    /** The digits in mini-batches, a fresh copy per call (cheaper to read than one DataSet per example). */
    private static DataSetIterator source(int batch) {
        return new ExistingDataSetIterator(digits.copy().batchBy(batch), Digits.ROWS, Digits.FEATURES, 10);
    }

    private static CoresetSelector lightweight(int m) {
        return CoresetSelector.lightweight().size(m).seed(3);
    }

    @Test
    void servesBatchesOfTheCoresetAndFollowsDl4jsResetContract() {
        ListDataSetIterator<DataSet> examples = new ListDataSetIterator<>(digits.getRange(0, 600).copy().asList(), 100);
        CoresetDataSetIterator it = CoresetDataSetIterator.builder(examples, lightweight(230)).batchSize(50).build();
        assertThat(it.resetSupported()).isTrue();
        assertThat(it.asyncSupported()).isFalse();
        assertThat(it.batch()).isEqualTo(50);
        assertThat(it.inputColumns()).isEqualTo(64);
        assertThat(it.totalOutcomes()).isEqualTo(10);
        assertThat(it.epochSize()).isEqualTo(230);

        List<Integer> sizes = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertThat(batch.getFeatures().size(1)).isEqualTo(64);
            assertThat(batch.getLabels().size(1)).isEqualTo(10);
            sizes.add(batch.numExamples());
        }
        assertThat(sizes).containsExactly(50, 50, 50, 50, 30);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);

        int[] firstEpoch = it.epochOrder();
        it.reset();
        assertThat(it.epoch()).isEqualTo(1);
        assertThat(it.hasNext()).isTrue();
        assertThat(it.epochOrder()).isNotEqualTo(firstEpoch);
        assertThat(it.next(7).numExamples()).isEqualTo(7);
    }

    @Test
    void servedExamplesAreCopiesOfTheSelectedRows() {
        Coreset c = lightweight(120).select(digits.getFeatures().toFloatMatrix());
        CoresetDataSetIterator it = CoresetDataSetIterator.wrap(source(64), lightweight(120));
        assertThat(it.coreset()).isEqualTo(c);
        assertThat(it.batch()).as("ExistingDataSetIterator reports batch() = 0; its first batch has 64").isEqualTo(64);
        int[] order = it.epochOrder();
        int served = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            for (int r = 0; r < batch.numExamples(); r++) {
                int sourceRow = c.index(order[served++]);
                assertThat(batch.getFeatures().getRow(r).toFloatVector())
                        .containsExactly(digits.getFeatures().getRow(sourceRow).toFloatVector());
                assertThat(batch.getLabels().getRow(r).toFloatVector())
                        .containsExactly(digits.getLabels().getRow(sourceRow).toFloatVector());
            }
        }
        assertThat(served).isEqualTo(120);
    }

    @Test
    void thePreProcessorIsAppliedInsideNextOnCopiesAndNeverCompounds() {
        CoresetDataSetIterator it = CoresetDataSetIterator.wrap(source(100), CoresetSelector.uniform().size(40));
        it.setPreProcessor(ds -> ds.getFeatures().muli(2));
        assertThat(it.getPreProcessor()).isNotNull();
        for (int epoch = 0; epoch < 3; epoch++) {
            double max = 0;
            while (it.hasNext()) {
                max = Math.max(max, it.next().getFeatures().maxNumber().doubleValue());
            }
            assertThat(max).isEqualTo(2.0, within(1e-6)); // pixels are at most 16/16 = 1, doubled once
            it.reset();
        }
    }

    @Test
    void theCallersIteratorAndDataAreUnchanged() {
        DataSetIterator source = source(100);
        List<float[][]> before = new ArrayList<>();
        source.reset();
        while (source.hasNext()) {
            before.add(source.next().getFeatures().toFloatMatrix());
        }
        CoresetDataSetIterator it = CoresetDataSetIterator.builder(source, CoresetSelector.stratified().size(100))
                .reselectEachEpoch(true).build();
        it.setPreProcessor(ds -> ds.getFeatures().muli(-1));
        for (int epoch = 0; epoch < 2; epoch++) {
            while (it.hasNext()) {
                it.next();
            }
            it.reset();
        }
        source.reset();
        int b = 0;
        while (source.hasNext()) {
            assertThat(source.next().getFeatures().toFloatMatrix()).isDeepEqualTo(before.get(b++));
        }
        assertThat(source.getPreProcessor()).isNull();
    }

    @Test
    void reselectionDrawsANewCoresetAtEachReset() {
        CoresetDataSetIterator it = CoresetDataSetIterator.builder(source(100), lightweight(100))
                .reselectEachEpoch(true).build();
        Coreset first = it.coreset();
        it.reset();
        assertThat(it.coreset().indices()).isNotEqualTo(first.indices());
        assertThat(it.coreset().seed()).isNotEqualTo(first.seed());
    }

    @Test
    void anIteratorThatCannotResetIsRejectedByName() {
        DataSetIterator oneShot = new ListDataSetIterator<>(digits.asList(), 10) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean resetSupported() {
                return false;
            }
        };
        assertThatThrownBy(() -> CoresetDataSetIterator.wrap(oneShot, lightweight(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(oneShot.getClass().getName()).hasMessageContaining("cannot reset");
        assertThatThrownBy(() -> CoresetDataSetIterator.wrap(source(10), CoresetSelector.uniform().size(5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m = 5000");
    }

    @ParameterizedTest
    @EnumSource(Resampling.class)
    void trainingOnTheIteratorMatchesWeightedTrainingInExpectation(Resampling resampling) {
        // A fixed network; the quantity of interest is what one epoch of mini-batch SGD follows: the mean loss over
        // the served examples and its gradient. Their average over epochs must equal the coreset-weighted mean loss
        // Σ w_i ℓ_i / Σ w and gradient Σ w_i ∇ℓ_i / Σ w.
        MultiLayerNetwork net = network();
        int m = 150;
        CoresetDataSetIterator it = CoresetDataSetIterator.builder(source(100), lightweight(m)).batchSize(50)
                .resampling(resampling).build();
        Coreset c = it.coreset();
        DataSet selected = digits.get(c.indices());
        double[] w = c.weights();
        double totalWeight = c.totalWeight();

        // the gradient check costs one backward pass per example; the default resampling gets it
        boolean checkGradient = resampling == Resampling.SYSTEMATIC;
        INDArray perExampleLoss = net.scoreExamples(selected, false);
        double weightedLoss = 0;
        INDArray weightedGradient = Nd4j.zeros(DataType.DOUBLE, net.numParams());
        for (int k = 0; k < c.size(); k++) {
            weightedLoss += w[k] / totalWeight * perExampleLoss.getDouble(k);
            if (checkGradient) {
                weightedGradient.addi(gradient(net, selected.get(new int[] {k})).muli(w[k] / totalWeight));
            }
        }

        int epochs = 50;
        double meanLoss = 0;
        double squares = 0;
        INDArray meanGradient = Nd4j.zeros(DataType.DOUBLE, weightedGradient.length());
        for (int epoch = 0; epoch < epochs; epoch++) {
            double epochLoss = 0;
            INDArray epochGradient = Nd4j.zeros(DataType.DOUBLE, weightedGradient.length());
            while (it.hasNext()) {
                DataSet batch = it.next();
                double share = (double) batch.numExamples() / m;
                epochLoss += share * net.score(batch, false);
                if (checkGradient) {
                    epochGradient.addi(gradient(net, batch).muli(share));
                }
            }
            meanLoss += epochLoss / epochs;
            squares += epochLoss * epochLoss / epochs;
            meanGradient.addi(epochGradient.divi(epochs));
            it.reset();
        }
        double standardError = Math.sqrt((squares - meanLoss * meanLoss) / (epochs - 1));
        assertThat(Math.abs(meanLoss - weightedLoss)).isLessThan(4 * standardError + 1e-6);
        double relativeGap = checkGradient ? meanGradient.sub(weightedGradient).norm2Number().doubleValue()
                / weightedGradient.norm2Number().doubleValue() : Double.NaN;
        if (checkGradient) {
            assertThat(relativeGap).isLessThan(0.03);
        }

        System.out.printf("DL4J %s: weighted loss %.5f, mean epoch loss %.5f (s.e. %.5f), unweighted coreset loss "
                + "%.5f, gradient gap %.4f%n", resampling, weightedLoss, meanLoss, standardError,
                perExampleLoss.meanNumber().doubleValue(), relativeGap);
    }

    @Test
    void aNetworkTrainsOnTheCoresetWithFit() {
        MultiLayerNetwork net = network();
        CoresetDataSetIterator it = CoresetDataSetIterator.wrap(source(100), CoresetSelector.stratified().size(400));
        double before = net.score(digits, false);
        net.fit(it, 5);
        assertThat(it.epoch()).isEqualTo(4);
        assertThat(net.score(digits, false)).isLessThan(before);
    }

    /** The gradient of the batch's mean loss (DL4J returns the sum; its updater divides by the batch size). */
    private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
        return net.calculateGradients(batch.getFeatures(), batch.getLabels(), null, null).getFirst().gradient()
                .castTo(DataType.DOUBLE).dup().divi(batch.numExamples());
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(123)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(new Sgd(0.1))
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
