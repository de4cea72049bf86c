package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every bad input of the issue gives an IllegalArgumentException whose message names the bad value. */
class BadInputTest {

    private static float[][] grid(int rows) {
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = new float[] {i, i % 7, 1};
        }
        return x;
    }

    private static CoresetSelector any(SelectionMethod method) {
        return method.usesScores() ? CoresetSelector.scored(method, i -> i) : CoresetSelector.of(method);
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void emptyDataIsRejected(SelectionMethod method) {
        assertThatThrownBy(() -> any(method).size(1).select(new float[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows = 0");
        assertThatThrownBy(() -> any(method).size(1).select(new double[0][], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows = 0");
        assertThatThrownBy(() -> any(method).size(1).select(RowSource.fromIterable(List.<float[]>of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows = 0");
    }

    @Test
    void fractionOutsideZeroOneIsRejected() {
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> CoresetSelector.uniform().fraction(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fraction = " + bad);
        }
        assertThatThrownBy(() -> CoresetSelector.uniform().size(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m = 0");
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void mLargerThanNIsRejected(SelectionMethod method) {
        assertThatThrownBy(() -> any(method).size(11).select(grid(10), new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m = 11").hasMessageContaining("n = 10");
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void nanAndInfiniteFeaturesAreRejectedWithTheirPosition(SelectionMethod method) {
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = i % 3;
        }
        float[][] x = grid(20);
        x[13][1] = Float.NaN;
        assertThatThrownBy(() -> any(method).size(5).select(x, labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[13][1] = NaN");
        double[][] y = new double[20][2];
        y[4][0] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> any(method).size(5).select(y, labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[4][0] = -Infinity");
        float[][] z = grid(20);
        z[19][2] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> any(method).size(5).select(RowSource.of(z, labels)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[19][2] = Infinity");
    }

    @Test
    void labelsThatDoNotMatchTheRowsAreRejected() {
        assertThatThrownBy(() -> CoresetSelector.stratified().size(2).select(grid(10), new int[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels.length = 9").hasMessageContaining("rows = 10");
        assertThatThrownBy(() -> CoresetSelector.uniform().size(2).select(new double[3][1], new int[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels.length = 4");
        assertThatThrownBy(() -> RowSource.of(grid(3), new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels.length = 2");
        assertThatThrownBy(() -> CoresetSelector.el2n(new double[7]).size(2).select(8, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores.length = 7");
        int[] negative = {0, 1, -3, 0};
        assertThatThrownBy(() -> CoresetSelector.stratified().size(2).select(grid(4), negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label -3 of row 2");
    }

    @Test
    void missingLabelsForStratifiedOrPerClassAreRejected() {
        assertThatThrownBy(() -> CoresetSelector.stratified().size(2).select(grid(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stratified needs a class label").hasMessageContaining("row 0");
        assertThatThrownBy(() -> CoresetSelector.lightweight().perClass(true).size(2).select(grid(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lightweight per class");
    }

    @Test
    void aSingleClassForStratifiedIsRejected() {
        assertThatThrownBy(() -> CoresetSelector.stratified().size(2).select(grid(5), new int[] {4, 4, 4, 4, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 classes").hasMessageContaining("label 4");
    }

    @Test
    void aSourceThatCannotRestartIsRejectedByName() {
        float[][] x = grid(50);
        Iterator<float[]> once = Stream.of(x).iterator();
        Iterable<float[]> oneShot = () -> once;
        assertThatThrownBy(() -> CoresetSelector.lightweight().size(5).select(RowSource.fromIterable(oneShot)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RowSource.fromIterable").hasMessageContaining("cannot restart")
                .hasMessageContaining("0 rows in its second pass but 50");

        RowSource throwsOnRestart = new RowSource() {
            private boolean opened;

            @Override
            public RowCursor open() {
                if (opened) {
                    throw new IllegalStateException("stream closed");
                }
                opened = true;
                return RowSource.of(x).open();
            }

            @Override
            public String toString() {
                return "OnceOnlySource";
            }
        };
        assertThatThrownBy(() -> CoresetSelector.uniform().size(5).select(throwsOnRestart))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OnceOnlySource").hasMessageContaining("cannot restart")
                .hasMessageContaining("stream closed");
    }

    @Test
    void raggedRowsAndMissingScoresAreRejected() {
        float[][] x = grid(6);
        x[3] = new float[] {1, 2};
        assertThatThrownBy(() -> CoresetSelector.lightweight().size(2).select(x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 3 has 2 features");
        assertThatThrownBy(() -> CoresetSelector.of(SelectionMethod.EL2N).size(2).select(6, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("el2n needs per-example scores");
        assertThatThrownBy(() -> CoresetSelector.el2n(new double[] {1, Double.NaN, 2}).size(1).select(3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score[1] = NaN");
        assertThatThrownBy(() -> CoresetSelector.stratified().size(3).minPerClass(2)
                .select(grid(10), new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m = 3").hasMessageContaining("minPerClass = 2");
        assertThatThrownBy(() -> StreamingSelector.of(CoresetSelector.kcenter().size(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kcenter");
        assertThatThrownBy(() -> SelectionMethod.fromId("herding"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'herding'");
        assertThatThrownBy(() -> ScoreBand.skipHardest(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction = 1.0");
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void theCallersDataIsNotModified(SelectionMethod method) {
        float[][] x = Digits.load().features();
        int[] labels = Digits.load().labels();
        double[][] xd = Digits.load().featuresAsDouble();
        double[] scores = new double[x.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = x[i][20] + 0.001 * i;
        }
        float[][] xBefore = Digits.load().features();
        double[][] xdBefore = Digits.load().featuresAsDouble();
        int[] labelsBefore = labels.clone();
        double[] scoresBefore = scores.clone();
        CoresetSelector selector = (method.usesScores() ? CoresetSelector.scored(method, scores)
                : CoresetSelector.of(method)).size(100).perClass(true);
        selector.select(x, labels);
        selector.select(xd, labels);
        selector.select(RowSource.of(x, labels));
        assertThat(x).isDeepEqualTo(xBefore);
        assertThat(xd).isDeepEqualTo(xdBefore);
        assertThat(labels).containsExactly(labelsBefore);
        assertThat(scores).containsExactly(scoresBefore);
    }
}
