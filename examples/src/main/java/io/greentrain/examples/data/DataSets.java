package io.greentrain.examples.data;

import java.io.PrintStream;
import java.util.Locale;

/** The data sets the jobs and the study know by name. */
public enum DataSets {
    /** Fashion-MNIST, 60,000 / 10,000 images of 28x28 (MIT). */
    FASHION_MNIST("fashion-mnist"),
    /** scikit-learn digits, 1,797 images of 8x8 (BSD-3-Clause). */
    DIGITS("digits");

    private final String id;

    DataSets(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public TrainTest load(DataCache cache, PrintStream log) {
        return this == FASHION_MNIST ? FashionMnist.load(cache, log) : Digits.load(cache, log);
    }

    public String licence() {
        return this == FASHION_MNIST ? FashionMnist.LICENCE : Digits.LICENCE;
    }

    public static DataSets byId(String id) {
        for (DataSets d : values()) {
            if (d.id.equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id.replace('-', '_').toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "' (known: fashion-mnist, digits)");
    }

    @Override
    public String toString() {
        return id;
    }
}
