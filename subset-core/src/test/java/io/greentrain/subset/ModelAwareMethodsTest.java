package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The model-aware methods do what their papers say: each test names the property that would break. */
class ModelAwareMethodsTest {

    private final Digits digits = Digits.load();

    /** A difficulty score per digit row: the ink in one column band plus a small row-dependent jitter. */
    private double[] scores() {
        float[][] x = digits.features();
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j += 3) {
                s[i] += x[i][j];
            }
            s[i] += 1e-3 * (i % 97);
        }
        return s;
    }

    @Test
    void leveragesOfFullRankDataSumToTheirRank() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[500][6];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * (j + 1) + 5;
            }
        }
        double[] h = SensitivitySampling.leverages(DataInput.of(x, null, "x"), 6, x.length);
        // trace of the hat matrix of (x, 1): 7 columns
        assertThat(Arrays.stream(h).sum()).isCloseTo(7.0, within(1e-3));
        assertThat(Arrays.stream(h).allMatch(v -> v > 0 && v <= 1 + 1e-9)).isTrue();
    }

    @Test
    void sensitivityDrawsAnOutlierFarMoreOftenThanUniformAndStaysUnbiased() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 2000;
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian();
            }
        }
        x[17] = new double[] {40, -40, 40};
        double[] theta = {0.7, -0.2, 0.4};
        double truth = 0;
        for (double[] row : x) {
            truth += logisticLoss(row, theta);
        }
        int seeds = 300;
        int hasOutlier = 0;
        double mean = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Coreset c = CoresetSelector.sensitivity().size(40).seed(seed).select(x);
            double estimate = 0;
            for (int k = 0; k < c.size(); k++) {
                estimate += c.weight(k) * logisticLoss(x[c.index(k)], theta);
                hasOutlier += c.index(k) == 17 ? 1 : 0;
                assertThat(c.weight(k)).isLessThanOrEqualTo(2.0 * n / 40 * 40 + 1e-9);
            }
            mean += estimate / seeds;
        }
        // uniform would draw row 17 in 40/2000 = 2 % of coresets; its leverage is near 1 of a total of 4
        assertThat(hasOutlier).isGreaterThan(seeds / 2);
        assertThat(mean).isCloseTo(truth, within(0.05 * truth));
    }

    private static double logisticLoss(double[] x, double[] theta) {
        double z = 0;
        for (int j = 0; j < x.length; j++) {
            z += x[j] * theta[j];
        }
        return Math.log1p(Math.exp(-z));
    }

    @Test
    void ccsSkipsTheHardestRowsAndCoversEveryScoreLevel() {
        double[] s = scores();
        Coreset c = CoresetSelector.ccs(s).size(90).seed(1).select(digits.features(), digits.labels());
        assertThat(c.size()).isEqualTo(90);
        Integer[] ranked = RankedStrata.byScoreDescending(allRows(s.length), s);
        Set<Integer> hardest = new HashSet<>(Arrays.asList(ranked).subList(0, (int) (0.1 * s.length)));
        for (int i : c.indices()) {
            assertThat(hardest).doesNotContain(i);
        }
        // the hardest-by-score 10 % gone, the easiest kept rows come from the bottom of the range as well
        double lowest = Arrays.stream(c.indices()).mapToDouble(i -> s[i]).min().orElseThrow();
        double median = ModerateSelection.median(allRows(s.length), s);
        assertThat(lowest).isLessThan(median);
        assertThat(c.totalWeight()).isCloseTo(s.length, within(1e-6));
    }

    @Test
    void ccsKeepsSmallBinsWhole() {
        double[] s = new double[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 10 ? 100 + i : i % 7;  // ten rows alone at the top of the range
        }
        Coreset c = CoresetSelector.ccs(s).keep(ScoreBand.hardest()).size(100).seed(2).select(s.length, null);
        long topKept = Arrays.stream(c.indices()).filter(i -> i < 10).count();
        // uniform sampling would keep about 1 of the 10; bins of one row each are taken whole
        assertThat(topKept).isEqualTo(10);
    }

    @Test
    void moderateKeepsTheRowsNearestEachClassMedian() {
        double[] s = scores();
        int[] labels = digits.labels();
        Coreset c = CoresetSelector.moderate(s).perClass(true).fraction(0.1).select(digits.features(), labels);
        boolean[] kept = new boolean[s.length];
        for (int i : c.indices()) {
            kept[i] = true;
        }
        for (int cls = 0; cls < 10; cls++) {
            final int k = cls;
            int[] rows = java.util.stream.IntStream.range(0, s.length).filter(i -> labels[i] == k).toArray();
            double median = ModerateSelection.median(rows, s);
            double worstKept = Arrays.stream(rows).filter(i -> kept[i]).mapToDouble(i -> Math.abs(s[i] - median))
                    .max().orElseThrow();
            double bestDropped = Arrays.stream(rows).filter(i -> !kept[i])
                    .mapToDouble(i -> Math.abs(s[i] - median)).min().orElseThrow();
            assertThat(worstKept).isLessThanOrEqualTo(bestDropped);
        }
    }

    @Test
    void gossKeepsTheLargestGradientsAndIsUnbiasedForSums() {
        double[] s = scores();
        int m = 150;
        Integer[] ranked = RankedStrata.byScoreDescending(allRows(s.length), s);
        int top = (int) Math.floor(GradientOneSideSampling.TOP_SHARE * m);
        double truth = Arrays.stream(s).sum();
        double mean = 0;
        int seeds = 200;
        for (int seed = 0; seed < seeds; seed++) {
            Coreset c = CoresetSelector.goss(s).size(m).seed(seed).select(s.length, null);
            assertThat(c.size()).isEqualTo(m);
            Set<Integer> chosen = new HashSet<>();
            double estimate = 0;
            for (int k = 0; k < c.size(); k++) {
                chosen.add(c.index(k));
                estimate += c.weight(k) * s[c.index(k)];
            }
            for (int r = 0; r < top; r++) {
                assertThat(chosen).contains(ranked[r]);
            }
            assertThat(c.totalWeight()).isCloseTo(s.length, within(1e-6));
            mean += estimate / seeds;
        }
        assertThat(mean).isCloseTo(truth, within(0.01 * truth));
    }

    @Test
    void scoredMethodsRejectMissingOrWrongScores() {
        assertThatThrownBy(() -> CoresetSelector.of(SelectionMethod.CCS).size(2).select(10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ccs needs per-example scores");
        assertThatThrownBy(() -> CoresetSelector.goss(new double[5]).size(2).select(6, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores.length = 5");
        assertThatThrownBy(() -> CoresetSelector.scored(SelectionMethod.UNIFORM, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uniform takes no scores");
        assertThatThrownBy(() -> CoresetSelector.sensitivity().size(2).select(10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sensitivity reads features");
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
