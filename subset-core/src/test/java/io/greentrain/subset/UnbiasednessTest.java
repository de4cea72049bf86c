package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sampling methods' weighted sums are unbiased: over many seeds, the mean of Σ_coreset w·f(x) lies within a few
 * standard errors of Σ_all f(x), for several statistics f, on the scikit-learn digits data.
 */
class UnbiasednessTest {

    private static final int SEEDS = 400;
    private static final double STANDARD_ERRORS = 4.0;

    @ParameterizedTest(name = "{0} perClass={1}")
    @CsvSource({"UNIFORM,false", "STRATIFIED,false", "LIGHTWEIGHT,false", "ARCHETYPAL,false",
        "LIGHTWEIGHT,true", "ARCHETYPAL,true"})
    void weightedSumsMatchTheFullDataOnAverage(SelectionMethod method, boolean perClass) {
        Digits digits = Digits.load();
        float[][] x = digits.features();
        int[] labels = digits.labels();
        float[] anchor = x[0];
        Map<String, IntToDoubleFunction> statistics = new LinkedHashMap<>();
        statistics.put("count", i -> 1);
        statistics.put("pixel sum", i -> sum(x[i]));
        statistics.put("squared norm", i -> Distances.squared(x[i], new float[x[i].length]));
        statistics.put("squared distance to row 0", i -> Distances.squared(x[i], anchor));
        statistics.put("rows of class 3", i -> labels[i] == 3 ? 1 : 0);
        statistics.put("ink of class 8", i -> labels[i] == 8 ? sum(x[i]) : 0);

        CoresetSelector selector = CoresetSelector.of(method).size(100).perClass(perClass);
        IntToDoubleFunction[] f = statistics.values().toArray(new IntToDoubleFunction[0]);
        String[] names = statistics.keySet().toArray(new String[0]);
        double[] truth = new double[f.length];
        double[] mean = new double[f.length];
        double[] squares = new double[f.length];
        for (int s = 0; s < f.length; s++) {
            for (int i = 0; i < x.length; i++) {
                truth[s] += f[s].applyAsDouble(i);
            }
        }
        for (int seed = 0; seed < SEEDS; seed++) {
            Coreset c = selector.seed(seed).select(x, labels);
            for (int s = 0; s < f.length; s++) {
                double estimate = 0;
                for (int k = 0; k < c.size(); k++) {
                    estimate += c.weight(k) * f[s].applyAsDouble(c.index(k));
                }
                mean[s] += estimate / SEEDS;
                squares[s] += estimate * estimate / SEEDS;
            }
        }
        for (int s = 0; s < f.length; s++) {
            double standardError = Math.sqrt(Math.max(0, squares[s] - mean[s] * mean[s]) / (SEEDS - 1));
            assertThat(Math.abs(mean[s] - truth[s]))
                    .as("%s: mean estimate %.2f vs full %.2f (s.e. %.3f)", names[s], mean[s], truth[s], standardError)
                    .isLessThanOrEqualTo(STANDARD_ERRORS * standardError + 1e-9 * Math.abs(truth[s]));
        }
    }

    @Test
    void ignoringTheImportanceWeightsIsDetectablyBiased() {
        // Control for the test's power: treat an archetypal coreset as a uniform sample (weight n/size per row).
        // It over-represents rows far from the mean, so the mean squared distance to the mean comes out too high.
        float[][] x = Digits.load().features();
        double[] mu = new double[Digits.FEATURES];
        for (float[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j] / (double) x.length;
            }
        }
        double truth = 0;
        for (float[] row : x) {
            truth += Distances.squared(row, mu);
        }
        double naive = 0;
        double naiveSquares = 0;
        double weighted = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Coreset c = CoresetSelector.archetypal().size(100).seed(seed).select(x);
            double estimate = 0;
            for (int k = 0; k < c.size(); k++) {
                double f = Distances.squared(x[c.index(k)], mu);
                estimate += (double) x.length / c.size() * f;
                weighted += c.weight(k) * f / SEEDS;
            }
            naive += estimate / SEEDS;
            naiveSquares += estimate * estimate / SEEDS;
        }
        double standardError = Math.sqrt((naiveSquares - naive * naive) / (SEEDS - 1));
        assertThat(naive - truth).isGreaterThan(STANDARD_ERRORS * standardError);
        // archetypal weights make Σ w·d(x,μ)² exact: every draw contributes Σd²/m
        assertThat(weighted / truth).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static double sum(float[] row) {
        double s = 0;
        for (float v : row) {
            s += v;
        }
        return s;
    }
}
