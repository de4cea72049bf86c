package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoresetSelectorTest {

    private final Digits digits = Digits.load();

    private static CoresetSelector selectorFor(SelectionMethod method, double[] scores) {
        return method.usesScores() ? CoresetSelector.scored(method, scores) : CoresetSelector.of(method);
    }

    private double[] pixelSumScores() {
        float[][] x = digits.features();
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (float v : x[i]) {
                scores[i] += v;
            }
        }
        return scores;
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void everyMethodReturnsSortedDistinctIndicesWithPositiveWeightsAndIsDeterministic(SelectionMethod method) {
        CoresetSelector selector = selectorFor(method, pixelSumScores()).size(200).seed(7);
        Coreset first = selector.select(digits.features(), digits.labels());
        Coreset again = selector.select(digits.features(), digits.labels());

        assertThat(again).isEqualTo(first);
        assertThat(first.method()).isEqualTo(method);
        assertThat(first.seed()).isEqualTo(7);
        assertThat(first.sourceRows()).isEqualTo(Digits.ROWS);
        assertThat(first.draws()).isEqualTo(200);
        assertThat(first.size()).isBetween(1, 200);
        int[] indices = first.indices();
        for (int k = 1; k < indices.length; k++) {
            assertThat(indices[k]).isGreaterThan(indices[k - 1]);
        }
        assertThat(indices[0]).isGreaterThanOrEqualTo(0);
        assertThat(indices[indices.length - 1]).isLessThan(Digits.ROWS);
        assertThat(Arrays.stream(first.weights()).allMatch(w -> w > 0 && Double.isFinite(w))).isTrue();
        if (method == SelectionMethod.LIGHTWEIGHT || method == SelectionMethod.ARCHETYPAL
                || method == SelectionMethod.SENSITIVITY) {
            assertThat(first.size()).isLessThanOrEqualTo(200);
        } else {
            assertThat(first.size()).isEqualTo(200);
            assertThat(first.totalWeight()).isCloseTo(Digits.ROWS, within(1e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SelectionMethod.class, names = {"UNIFORM", "STRATIFIED", "LIGHTWEIGHT", "ARCHETYPAL", "KCENTER"})
    void differentSeedsGiveDifferentCoresets(SelectionMethod method) {
        Coreset a = CoresetSelector.of(method).size(100).seed(1).select(digits.features(), digits.labels());
        Coreset b = CoresetSelector.of(method).size(100).seed(2).select(digits.features(), digits.labels());
        assertThat(a.indices()).isNotEqualTo(b.indices());
    }

    @ParameterizedTest
    @EnumSource(SelectionMethod.class)
    void floatDoubleAndStreamedRowsGiveTheSameCoreset(SelectionMethod method) {
        CoresetSelector selector = selectorFor(method, pixelSumScores()).fraction(0.1).seed(11).perClass(true);
        Coreset fromFloats = selector.select(digits.features(), digits.labels());
        Coreset fromDoubles = selector.select(digits.featuresAsDouble(), digits.labels());
        Coreset streamed = selector.select(RowSource.of(digits.features(), digits.labels()));
        assertThat(fromDoubles).isEqualTo(fromFloats);
        assertThat(streamed).isEqualTo(fromFloats);
        if (method.isStreaming()) {
            assertThat(StreamingSelector.of(selector).select(RowSource.of(digits.features(), digits.labels())))
                    .isEqualTo(fromFloats);
        }
    }

    @Test
    void uniformKeepsMRowsWithWeightNOverM() {
        Coreset c = CoresetSelector.uniform().size(100).seed(3).select(digits.features());
        assertThat(c.size()).isEqualTo(100);
        assertThat(c.weights()).containsOnly((double) Digits.ROWS / 100);
    }

    @Test
    void fractionRoundsToTheNearestRowCountAndIsAtLeastOne() {
        assertThat(CoresetSelector.uniform().fraction(0.1).select(digits.features()).size()).isEqualTo(180);
        assertThat(CoresetSelector.uniform().fraction(1e-9).select(digits.features()).size()).isEqualTo(1);
        assertThat(CoresetSelector.uniform().fraction(1.0).select(digits.features()).size()).isEqualTo(Digits.ROWS);
    }

    @Test
    void stratifiedKeepsClassProportionsAndWeightsEachClassToItsSize() {
        int[] labels = digits.labels();
        Coreset c = CoresetSelector.stratified().size(180).seed(5).select(digits.features(), labels);
        Map<Integer, Integer> full = counts(labels, IntStream.range(0, labels.length).toArray());
        Map<Integer, Integer> kept = counts(labels, c.indices());
        for (int label = 0; label < 10; label++) {
            double ideal = 180.0 * full.get(label) / Digits.ROWS;
            assertThat((double) kept.get(label)).isCloseTo(ideal, within(1.0));
        }
        Map<Integer, Double> weightPerClass = new HashMap<>();
        for (int k = 0; k < c.size(); k++) {
            weightPerClass.merge(labels[c.index(k)], c.weight(k), Double::sum);
        }
        for (int label = 0; label < 10; label++) {
            assertThat(weightPerClass.get(label)).isCloseTo(full.get(label), within(1e-9));
        }
    }

    @Test
    void stratifiedGivesEveryClassItsMinimum() {
        // 990 rows of class 0, 10 of class 1: proportional allocation of m = 20 would give class 1 0.2 rows.
        float[][] x = new float[1000][];
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            x[i] = new float[] {i};
            labels[i] = i < 990 ? 0 : 1;
        }
        Coreset c = CoresetSelector.stratified().size(20).minPerClass(3).select(x, labels);
        assertThat(counts(labels, c.indices())).containsEntry(0, 17).containsEntry(1, 3);
    }

    @Test
    void perClassImportanceSamplingDrawsFromEveryClass() {
        int[] labels = digits.labels();
        Coreset c = CoresetSelector.lightweight().size(50).perClass(true).minPerClass(2).seed(9)
                .select(digits.features(), labels);
        assertThat(counts(labels, c.indices())).hasSize(10);
    }

    @Test
    void archetypalNeverDrawsARowAtTheMeanAndFavoursFarRows() {
        float[][] x = new float[101][];
        for (int i = 0; i < 100; i++) {
            x[i] = new float[] {i % 2 == 0 ? -1 - i : 1 + i};
        }
        x[100] = new float[] {0};
        // mean is 0.5·Σ(...)/101; shift the last row to the exact mean
        double mean = 0;
        for (int i = 0; i < 100; i++) {
            mean += x[i][0];
        }
        mean /= 101;
        x[100][0] = (float) (mean * 101 / 100);
        for (long seed = 0; seed < 20; seed++) {
            Coreset c = CoresetSelector.archetypal().size(50).seed(seed).select(x);
            for (int k = 0; k < c.size(); k++) {
                assertThat(Math.abs(x[c.index(k)][0])).isGreaterThan(0.5f);
            }
        }
    }

    @Test
    void identicalRowsFallBackToUniformImportance() {
        float[][] x = new float[50][];
        for (int i = 0; i < 50; i++) {
            x[i] = new float[] {3, 4};
        }
        Coreset c = CoresetSelector.archetypal().size(10).seed(1).select(x);
        assertThat(c.totalWeight()).isCloseTo(50, within(1e-9));
        double weightPerDraw = 50.0 / 10;
        for (int k = 0; k < c.size(); k++) {
            assertThat(c.weight(k) / weightPerDraw).isCloseTo(Math.rint(c.weight(k) / weightPerDraw), within(1e-9));
        }
    }

    @Test
    void kcenterPicksTheFarthestPointsAndWeighsThemByCellSize() {
        // Two tight clusters of 10 and 30 rows plus one outlier: three centres must cover all three groups.
        float[][] x = new float[41][];
        for (int i = 0; i < 10; i++) {
            x[i] = new float[] {0 + i * 0.01f, 0};
        }
        for (int i = 10; i < 40; i++) {
            x[i] = new float[] {10 + i * 0.01f, 0};
        }
        x[40] = new float[] {100, 100};
        for (long seed = 0; seed < 10; seed++) {
            Coreset c = CoresetSelector.kcenter().size(3).seed(seed).select(x);
            Map<String, Double> weightByGroup = new HashMap<>();
            for (int k = 0; k < c.size(); k++) {
                int i = c.index(k);
                weightByGroup.put(i < 10 ? "a" : i < 40 ? "b" : "outlier", c.weight(k));
            }
            assertThat(weightByGroup).containsEntry("a", 10.0).containsEntry("b", 30.0).containsEntry("outlier", 1.0);
        }
    }

    @Test
    void kcenterCoverRadiusIsWithinTwiceTheBestOnSmallData() {
        float[][] x = Arrays.copyOf(digits.features(), 60);
        Coreset c = CoresetSelector.kcenter().size(3).seed(4).select(x);
        double greedy = coverRadius(x, c.indices());
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 60; a++) {
            for (int b = a + 1; b < 60; b++) {
                for (int d = b + 1; d < 60; d++) {
                    best = Math.min(best, coverRadius(x, new int[] {a, b, d}));
                }
            }
        }
        assertThat(greedy).isLessThanOrEqualTo(2 * best + 1e-9);
    }

    @Test
    void el2nKeepsHardestEasiestOrABand() {
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = (i * 37) % 100; // a permutation of 0..99
        }
        int[] hardest = CoresetSelector.el2n(scores).size(10).select(100, null).indices();
        int[] easiest = CoresetSelector.el2n(scores).size(10).keep(ScoreBand.easiest()).select(100, null).indices();
        int[] band = CoresetSelector.el2n(scores).size(10).keep(ScoreBand.skipHardest(0.05)).select(100, null)
                .indices();
        assertThat(Arrays.stream(hardest).mapToDouble(i -> scores[i]).sorted().toArray())
                .containsExactly(90, 91, 92, 93, 94, 95, 96, 97, 98, 99);
        assertThat(Arrays.stream(easiest).mapToDouble(i -> scores[i]).sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Arrays.stream(band).mapToDouble(i -> scores[i]).sorted().toArray())
                .containsExactly(85, 86, 87, 88, 89, 90, 91, 92, 93, 94);
    }

    @Test
    void el2nAcceptsAScoreFunctionAndStratifiesByClass() {
        int[] labels = digits.labels();
        double[] scores = pixelSumScores();
        Coreset fromArray = CoresetSelector.el2n(scores).fraction(0.2).perClass(true).select(Digits.ROWS, labels);
        Coreset fromFunction = CoresetSelector.el2n(i -> scores[i]).fraction(0.2).perClass(true)
                .select(Digits.ROWS, labels);
        assertThat(fromFunction).isEqualTo(fromArray);
        assertThat(counts(labels, fromArray.indices())).hasSize(10);
        // within each class the kept rows are the highest-scoring ones
        for (int label = 0; label < 10; label++) {
            final int cls = label;
            double lowestKept = Arrays.stream(fromArray.indices()).filter(i -> labels[i] == cls)
                    .mapToDouble(i -> scores[i]).min().orElseThrow();
            long dropped = IntStream.range(0, Digits.ROWS).filter(i -> labels[i] == cls)
                    .filter(i -> Arrays.binarySearch(fromArray.indices(), i) < 0)
                    .filter(i -> scores[i] > lowestKept).count();
            assertThat(dropped).isZero();
        }
    }

    @Test
    void weightScalesKeepRelativeWeights() {
        Coreset c = CoresetSelector.lightweight().size(300).seed(2).select(digits.features());
        double[] population = c.weights(WeightScale.POPULATION);
        double[] meanOne = c.weights(WeightScale.MEAN_ONE);
        assertThat(Arrays.stream(meanOne).sum()).isCloseTo(c.size(), within(1e-9));
        for (int k = 1; k < c.size(); k++) {
            assertThat(meanOne[k] / meanOne[0]).isCloseTo(population[k] / population[0], within(1e-9));
        }
    }

    @Test
    void selectionMethodRegistryFindsMethodsByName() {
        for (SelectionMethod method : SelectionMethod.values()) {
            assertThat(SelectionMethod.fromId(method.id())).isSameAs(method);
            assertThat(SelectionMethod.fromId(method.name())).isSameAs(method);
        }
        assertThat(SelectionMethod.LIGHTWEIGHT.isStreaming()).isTrue();
        assertThat(SelectionMethod.KCENTER.isStreaming()).isFalse();
    }

    @Test
    void selectRowsKeepsCopiesOfTheSelectedRowsOfAStream() {
        float[][] x = digits.features();
        int[] labels = digits.labels();
        CoresetRows rows = StreamingSelector.of(CoresetSelector.archetypal().size(64).seed(8))
                .selectRows(RowSource.of(x, labels));
        Coreset c = rows.coreset();
        float[][] kept = rows.rows();
        assertThat(kept).hasNumberOfRows(c.size());
        for (int k = 0; k < c.size(); k++) {
            assertThat(kept[k]).containsExactly(x[c.index(k)]);
            assertThat(rows.labels()[k]).isEqualTo(labels[c.index(k)]);
        }
    }

    @Test
    void listenerSeesTheRowsOfInMemoryMethodsOverAStream() {
        float[][] x = digits.features();
        int[] seen = new int[1];
        Coreset c = CoresetSelector.kcenter().size(20).select(RowSource.of(x), (row, cursor) -> {
            assertThat(cursor.row()).containsExactly(x[(int) row]);
            seen[0]++;
        });
        assertThat(seen[0]).isEqualTo(c.size());
    }

    static Map<Integer, Integer> counts(int[] labels, int[] indices) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i : indices) {
            counts.merge(labels[i], 1, Integer::sum);
        }
        return counts;
    }

    private static double coverRadius(float[][] x, int[] centres) {
        double radius = 0;
        for (float[] row : x) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int c : centres) {
                nearest = Math.min(nearest, Distances.squared(row, x[c]));
            }
            radius = Math.max(radius, nearest);
        }
        return Math.sqrt(radius);
    }
}
