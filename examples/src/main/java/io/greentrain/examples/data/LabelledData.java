package io.greentrain.examples.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Rows of dense features with an integer class label: the common currency of the jobs and the study.
 * Features are floats (Fashion-MNIST at 60,000 x 784 is 188 MB as floats); {@link #toDoubles()} copies for
 * libraries that want doubles.
 */
public final class LabelledData {

    private final String name;
    private final float[][] features;
    private final int[] labels;
    private final String[] classNames;

    public LabelledData(String name, float[][] features, int[] labels, String[] classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.features = Objects.requireNonNull(features, "features");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.classNames = Objects.requireNonNull(classNames, "classNames").clone();
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.length) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.length - 1));
            }
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int numFeatures() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int numClasses() {
        return classNames.length;
    }

    public String[] classNames() {
        return classNames.clone();
    }

    /** The rows themselves (not copied: callers must not modify them). */
    public float[][] features() {
        return features;
    }

    /** The labels themselves (not copied: callers must not modify them). */
    public int[] labels() {
        return labels;
    }

    public double[][] toDoubles() {
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            float[] row = features[i];
            double[] d = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                d[j] = row[j];
            }
            out[i] = d;
        }
        return out;
    }

    /** The first {@code n} rows (all of them if {@code n >= size()}). */
    public LabelledData head(int n) {
        if (n >= size()) {
            return this;
        }
        return new LabelledData(name, Arrays.copyOf(features, n), Arrays.copyOf(labels, n), classNames);
    }

    /** The rows at {@code indices}, in that order, repeats allowed (rows are shared, not copied). */
    public LabelledData rows(int[] indices) {
        float[][] x = new float[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new LabelledData(name, x, y, classNames);
    }

    /** A seeded random permutation of the rows, so that a head(n) slice is a fair sample. */
    public LabelledData shuffled(long seed) {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Random random = new Random(seed);
        for (int i = idx.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return rows(idx);
    }

    /**
     * Average-pools square images by {@code factor} (28x28 with factor 2 gives 14x14). Factor 1 returns this.
     * Only for data whose rows are square images.
     */
    public LabelledData pooled(int factor) {
        if (factor <= 1) {
            return this;
        }
        int side = (int) Math.round(Math.sqrt(numFeatures()));
        if (side * side != numFeatures() || side % factor != 0) {
            throw new IllegalArgumentException("cannot pool " + numFeatures() + " features by " + factor);
        }
        int out = side / factor;
        float norm = 1f / (factor * factor);
        float[][] x = new float[size()][];
        for (int r = 0; r < size(); r++) {
            float[] src = features[r];
            float[] dst = new float[out * out];
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    dst[(i / factor) * out + j / factor] += src[i * side + j] * norm;
                }
            }
            x[r] = dst;
        }
        return new LabelledData(name + "-pool" + factor, x, labels, classNames);
    }

    /** Rows per class, for reports and stratification checks. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
