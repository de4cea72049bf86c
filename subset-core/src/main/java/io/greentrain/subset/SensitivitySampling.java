package io.greentrain.subset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Sensitivity sampling for logistic regression (Huggins, Campbell &amp; Broderick 2016, "Coresets for Scalable
 * Bayesian Logistic Regression", NeurIPS; Munteanu, Schwiegelshohn, Sohler &amp; Woodruff 2018, "On Coresets for
 * Logistic Regression", NeurIPS). A row's sensitivity is the largest share of the total logistic loss it can carry
 * over all parameter vectors; sampling in proportion to an upper bound s(x) and weighting each draw by 1/(m·q(x))
 * gives a coreset whose weighted loss is unbiased for every parameter vector. Munteanu et al. (Lemma 3.3) bound the
 * sensitivity of μ-complex data by a multiple of the row's ℓ2 leverage score plus 1/n, so with z = (x, 1) and
 * Z the matrix of all z:
 *
 * <pre>
 *   h(x) = zᵀ (ZᵀZ + λI)⁻¹ z          (λ = 1e-9·trace(ZᵀZ)/(d+1), for constant columns)
 *   q(x) = ½·h(x)/Σ_c h + ½·1/n_c      (within stratum c; the uniform half, as in Huggins et al., bounds w ≤ 2n_c/m_c)
 *   w    = 1/(m_c·q(x)) per draw, m_c i.i.d. draws with replacement, duplicates merged
 * </pre>
 *
 * Two passes after pass 1 (Gram matrix, then leverages through its Cholesky factor): O(n·d²) time, O(d²) memory plus
 * one double per row. The bound does not use the labels, so one pass serves every class of a multinomial model.
 */
final class SensitivitySampling {

    private SensitivitySampling() {
    }

    static Coreset select(CoresetSelector spec, RowInput input, DrawListener listener) {
        RankedStrata strata = RankedStrata.collect(spec, input);
        int n = (int) strata.stats.rows;
        double[] leverage = leverages(input, strata.stats.width, n);
        SplittableRandom[] random = Seeds.perStratum(spec.seed(), strata.members.length);
        CoresetCollector out = new CoresetCollector();
        for (int s = 0; s < strata.members.length; s++) {
            draw(strata.members[s], leverage, strata.budget[s], random[s], out);
        }
        return strata.finish(spec, out, input, listener);
    }

    /** h(x) of every row: pass 2 sums ZᵀZ, pass 3 solves L·y = z with its Cholesky factor L and takes ‖y‖². */
    static double[] leverages(RowInput input, int width, int rows) {
        int d = width + 1;
        double[] gram = new double[d * d];
        double[] z = new double[d];
        try (RowPass pass = input.open(2)) {
            while (pass.advance()) {
                extend(pass.values(), z);
                for (int a = 0; a < d; a++) {
                    double za = z[a];
                    if (za == 0) {
                        continue;
                    }
                    int base = a * d;
                    for (int b = 0; b <= a; b++) {
                        gram[base + b] += za * z[b];
                    }
                }
            }
        }
        double[] factor = cholesky(gram, d);
        double[] leverage = new double[rows];
        double[] y = new double[d];
        int row = 0;
        try (RowPass pass = input.open(3)) {
            while (pass.advance()) {
                extend(pass.values(), z);
                double sum = 0;
                for (int a = 0; a < d; a++) { // forward substitution
                    double v = z[a];
                    int base = a * d;
                    for (int b = 0; b < a; b++) {
                        v -= factor[base + b] * y[b];
                    }
                    y[a] = v / factor[base + a];
                    sum += y[a] * y[a];
                }
                leverage[row++] = sum;
            }
        }
        return leverage;
    }

    private static void extend(double[] x, double[] z) {
        System.arraycopy(x, 0, z, 0, x.length);
        z[x.length] = 1;
    }

    /** The lower Cholesky factor of the (lower triangle of the) Gram matrix plus the ridge λI. */
    static double[] cholesky(double[] gram, int d) {
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += gram[a * d + a];
        }
        double ridge = 1e-9 * trace / d;
        double[] l = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = gram[a * d + b] + (a == b ? ridge : 0);
                for (int k = 0; k < b; k++) {
                    sum -= l[a * d + k] * l[b * d + k];
                }
                l[a * d + b] = a == b ? Math.sqrt(Math.max(sum, ridge)) : sum / l[b * d + b];
            }
        }
        return l;
    }

    /** m i.i.d. draws from q = ½·h/Σh + ½·1/n over the rows of one stratum, weight 1/(m·q) per draw. */
    private static void draw(int[] rows, double[] leverage, int m, SplittableRandom random, CoresetCollector out) {
        int n = rows.length;
        double total = 0;
        for (int row : rows) {
            total += leverage[row];
        }
        double[] cumulative = new double[n];
        double[] q = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            q[i] = 0.5 / n + (total > 0 ? 0.5 * leverage[rows[i]] / total : 0.5 / n);
            running += q[i];
            cumulative[i] = running;
        }
        int[] draws = new int[n];
        for (int t = 0; t < m; t++) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble() * running);
            i = i >= 0 ? i : Math.min(n - 1, -i - 1);
            draws[i]++;
        }
        for (int i = 0; i < n; i++) {
            if (draws[i] > 0) {
                out.add(rows[i], draws[i] / (m * q[i] / running));
            }
        }
    }
}
