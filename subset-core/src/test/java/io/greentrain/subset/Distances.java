package io.greentrain.subset;

/** Squared distances of float rows for the tests, through the one kernel the selectors use. */
final class Distances {

    private Distances() {
    }

    static double squared(float[] a, float[] b) {
        return Kernels.squaredDistance(widen(a), widen(b));
    }

    static double squared(float[] a, double[] b) {
        return Kernels.squaredDistance(widen(a), b);
    }

    static double[] widen(float[] row) {
        double[] d = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            d[j] = row[j];
        }
        return d;
    }
}
