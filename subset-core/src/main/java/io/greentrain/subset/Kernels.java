package io.greentrain.subset;

/**
 * The inner loops of selection, written so that the JIT can vectorise them: per-dimension updates without a
 * loop-carried dependency, and distance sums split over four accumulators to hide the latency of dependent adds.
 * Rows arrive as doubles ({@link DataInput} widens float rows once per row), so each kernel is one loop.
 */
final class Kernels {

    private Kernels() {
    }

    /**
     * One Welford step per dimension: mean += (x − mean)/count, m2 += (x − mean_old)(x − mean_new). Unlike
     * Σ‖x‖² − n‖μ‖² it does not cancel catastrophically when the data sit far from the origin, so pass 2 finds the
     * sampling mass it was promised.
     */
    static void welford(double[] x, double inverseCount, double[] mean, double[] m2) {
        for (int j = 0; j < x.length; j++) {
            double delta = x[j] - mean[j];
            double updated = mean[j] + delta * inverseCount;
            mean[j] = updated;
            m2[j] += delta * (x[j] - updated);
        }
    }

    /** ‖x − c‖². */
    static double squaredDistance(double[] x, double[] c) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double d0 = x[j] - c[j];
            double d1 = x[j + 1] - c[j + 1];
            double d2 = x[j + 2] - c[j + 2];
            double d3 = x[j + 3] - c[j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < n; j++) {
            double d = x[j] - c[j];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
