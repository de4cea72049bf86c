package io.greentrain.subset.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.Digits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import smile.base.cart.CART;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.regression.LinearModel;
import smile.regression.RidgeRegression;

/** The Smile adapter against real Smile 3.1.1 on the digits data. */
class SmileCoresetsTest {

    private final Digits digits = Digits.load();
    private final double[][] x = digits.featuresAsDouble();
    private final int[] y = digits.labels();

    private static String[] pixelNames() {
        String[] names = new String[Digits.FEATURES];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return names;
    }

    private DataFrame frame() {
        return DataFrame.of(digits.featuresAsDouble(), pixelNames()).merge(IntVector.of("y", digits.labels()));
    }

    @Test
    void selectReturnsCopiesOfTheSelectedRowsWithLabelsAndWeights() {
        double[][] before = digits.featuresAsDouble();
        WeightedRows rows = SmileCoresets.select(x, y, CoresetSelector.stratified().fraction(0.1).seed(4));
        Coreset c = rows.coreset();
        assertThat(rows.x()).hasNumberOfRows(c.size());
        for (int k = 0; k < c.size(); k++) {
            assertThat(rows.x()[k]).containsExactly(x[c.index(k)]);
            assertThat(rows.x()[k]).isNotSameAs(x[c.index(k)]);
            assertThat(rows.y()[k]).isEqualTo(y[c.index(k)]);
        }
        assertThat(rows.weights()).containsExactly(c.weights());
        assertThat(rows.response()).isNull();
        rows.x()[0][0] = -99;
        assertThat(x).isDeepEqualTo(before);
        assertThat(y).containsExactly(digits.labels());
    }

    @Test
    void replicatedRowsRepeatEachRowInProportionToItsWeight() {
        WeightedRows rows = SmileCoresets.select(x, y, CoresetSelector.lightweight().size(300).seed(1));
        WeightedRows replicated = rows.replicate(9);
        assertThat(replicated.x()).hasNumberOfRows(300);
        assertThat(Arrays.stream(replicated.weights()).sum()).isCloseTo(rows.coreset().totalWeight(), within(1e-6));
    }

    @Test
    void oneLineFitTrainsAnAccurateClassifierOnATenthOfTheData() {
        LogisticRegression model = SmileCoresets.fit(x, y, CoresetSelector.stratified().fraction(0.2).seed(2),
                LogisticRegression::fit);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += model.predict(x[i]) == y[i] ? 1 : 0;
        }
        assertThat(correct / (double) x.length).isGreaterThan(0.85);
    }

    @Test
    void treeSampleCountsEqualGrowingTheTreeOnReplicatedRows() {
        // Smile searches the split features in parallel and keeps any of equally good ones, so integer pixels
        // (many exact ties) make two fits differ by chance; a tiny fixed jitter removes the ties.
        double[][] jittered = digits.featuresAsDouble();
        java.util.SplittableRandom jitter = new java.util.SplittableRandom(17);
        for (double[] row : jittered) {
            for (int j = 0; j < row.length; j++) {
                row[j] += 1e-3 * jitter.nextDouble();
            }
        }
        DataFrame data = DataFrame.of(jittered, pixelNames()).merge(IntVector.of("y", y));
        DataFrame features = data.drop("y");
        StructField response = new StructField("y", DataTypes.IntegerType);
        Coreset c = CoresetSelector.lightweight().size(500).seed(5).select(jittered, y);
        int[] samples = SmileCoresets.samples(c, 3);
        assertThat(Arrays.stream(samples).sum()).isEqualTo(500);

        // Smile 3.1.1 drops rows with samples[i] == 0 only from an explicit order; with order == null its
        // partitioning breaks (CART's `assert(split + k == high)`), so pass CART.order(x).
        DecisionTree weighted = new DecisionTree(features, y, response, 10, SplitRule.GINI, 20, 100, 5,
                features.ncol(), samples, CART.order(features));
        int[] repeated = new int[500];
        int at = 0;
        for (int i = 0; i < samples.length; i++) {
            for (int r = 0; r < samples[i]; r++) {
                repeated[at++] = i;
            }
        }
        DataFrame replicatedFrame = data.of(repeated);
        int[] replicatedY = replicatedFrame.column("y").toIntArray();
        int[] ones = new int[replicatedY.length];
        Arrays.fill(ones, 1);
        DecisionTree replicated = new DecisionTree(replicatedFrame.drop("y"), replicatedY, response, 10,
                SplitRule.GINI, 20, 100, 5, features.ncol(), ones, CART.order(replicatedFrame.drop("y")));
        int differ = 0;
        for (int i = 0; i < x.length; i++) {
            differ += weighted.predict(features.get(i)) == replicated.predict(features.get(i)) ? 0 : 1;
        }
        assertThat(differ).isZero();
    }

    @Test
    void ridgeRegressionTakesTheCoresetWeights() {
        // regress the centre pixel on the pixels that are ink in at least half of the rows (Smile's ridge
        // standardises, so a column must not be constant in the coreset either)
        int[] predictors = java.util.stream.IntStream.range(0, Digits.FEATURES).filter(j -> j != 36)
                .filter(j -> Arrays.stream(x).filter(r -> r[j] > 0).count() > x.length / 2).toArray();
        double[][] others = new double[x.length][predictors.length];
        double[] centre = new double[x.length];
        String[] names = new String[predictors.length];
        for (int p = 0; p < predictors.length; p++) {
            names[p] = "p" + predictors[p];
        }
        for (int i = 0; i < x.length; i++) {
            centre[i] = x[i][36];
            for (int p = 0; p < predictors.length; p++) {
                others[i][p] = x[i][predictors[p]];
            }
        }
        DataFrame all = DataFrame.of(others, names).merge(DoubleVector.of("t", centre));
        WeightedRows rows = SmileCoresets.select(others, centre, CoresetSelector.archetypal().size(600).seed(8));
        DataFrame sample = DataFrame.of(rows.x(), names).merge(DoubleVector.of("t", rows.response()));
        double[] lambda = new double[predictors.length];
        Arrays.fill(lambda, 1.0);
        double[] prior = new double[predictors.length];
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1.0);
        LinearModel full = RidgeRegression.fit(Formula.lhs("t"), all, ones, lambda, prior);
        LinearModel fromCoreset = RidgeRegression.fit(Formula.lhs("t"), sample, rows.weights(), lambda, prior);
        assertThat(mse(fromCoreset, all, centre)).isLessThan(1.5 * mse(full, all, centre));
    }

    @Test
    void dataFrameSelectionKeepsTheSelectedRowsAndFitsInOneLine() {
        DataFrame data = frame();
        WeightedFrame frame = SmileDataFrames.select(data, "y", CoresetSelector.stratified().size(200).seed(6));
        Coreset c = frame.coreset();
        assertThat(frame.data().nrow()).isEqualTo(200);
        assertThat(frame.weights()).hasSize(200);
        for (int k = 0; k < c.size(); k++) {
            assertThat(frame.data().getInt(k, 64)).isEqualTo(y[c.index(k)]);
            assertThat(frame.data().getDouble(k, 10)).isEqualTo(x[c.index(k)][10]);
        }
        DecisionTree tree = SmileDataFrames.fit(data, "y", CoresetSelector.stratified().fraction(0.3),
                d -> DecisionTree.fit(Formula.lhs("y"), d));
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += tree.predict(data.get(i)) == y[i] ? 1 : 0;
        }
        assertThat(correct / (double) x.length).isGreaterThan(0.6);
        assertThat(data.nrow()).isEqualTo(Digits.ROWS);
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> SmileDataFrames.select(frame(), "label", CoresetSelector.uniform().size(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'label'");
        assertThatThrownBy(() -> SmileCoresets.select(x, new double[3], CoresetSelector.uniform().size(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y.length = 3");
        assertThatThrownBy(() -> SmileCoresets.select(x, new int[3], CoresetSelector.uniform().size(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels.length = 3");
    }

    private static double mse(LinearModel model, DataFrame data, double[] target) {
        double[] predicted = model.predict(data);
        double total = 0;
        for (int i = 0; i < target.length; i++) {
            total += (predicted[i] - target[i]) * (predicted[i] - target[i]);
        }
        return total / target.length;
    }
}
