package io.greentrain.examples.data;

import java.util.Objects;

/** A training split and its held-out test split. */
public final class TrainTest {

    private final LabelledData train;
    private final LabelledData test;

    public TrainTest(LabelledData train, LabelledData test) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        if (train.numFeatures() != test.numFeatures() && train.size() > 0 && test.size() > 0) {
            throw new IllegalArgumentException("train has " + train.numFeatures() + " features, test "
                    + test.numFeatures());
        }
    }

    public LabelledData train() {
        return train;
    }

    public LabelledData test() {
        return test;
    }

    /** Seeded random slices of at most {@code trainRows} / {@code testRows} rows (0 or less: keep all). */
    public TrainTest sliced(int trainRows, int testRows, long seed) {
        LabelledData tr = trainRows > 0 && trainRows < train.size() ? train.shuffled(seed).head(trainRows) : train;
        LabelledData te = testRows > 0 && testRows < test.size() ? test.shuffled(seed + 1).head(testRows) : test;
        return new TrainTest(tr, te);
    }

    public TrainTest pooled(int factor) {
        return factor <= 1 ? this : new TrainTest(train.pooled(factor), test.pooled(factor));
    }

    @Override
    public String toString() {
        return train.name() + " (" + train.size() + " train / " + test.size() + " test rows, " + train.numFeatures()
                + " features, " + train.numClasses() + " classes)";
    }
}
