package io.greentrain.examples.data;

import java.io.PrintStream;
import java.util.Locale;

/** The data sets the jobs and the study know by name. */
public enum DataSets {
    /** Fashion-MNIST, 60,000 / 10,000 images of 28x28 (MIT). */
    FASHION_MNIST("fashion-mnist"),
    /** scikit-learn digits, 1,797 images of 8x8 (BSD-3-Clause). */
    DIGITS("digits"),
    /** flights-200k of vega-datasets, 200,000 US flights of 2001: delayed more than 15 minutes? (BSD-3-Clause). */
    FLIGHTS("flights"),
    /**
     * flights-3m.csv of vega-datasets, 231,083 US flights of January to March 2001 with origin and destination:
     * a seeded 200,000-row sample, delayed more than 15 minutes? (BSD-3-Clause).
     */
    FLIGHTS_3M("flights-3m");

    private final String id;

    DataSets(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public TrainTest load(DataCache cache, PrintStream log) {
        switch (this) {
            case FASHION_MNIST:
                return FashionMnist.load(cache, log);
            case FLIGHTS:
                return Flights.load(cache, log);
            case FLIGHTS_3M:
                return Flights3m.load(cache, log);
            default:
                return Digits.load(cache, log);
        }
    }

    public String licence() {
        switch (this) {
            case FASHION_MNIST:
                return FashionMnist.LICENCE;
            case FLIGHTS:
                return Flights.LICENCE;
            case FLIGHTS_3M:
                return Flights3m.LICENCE;
            default:
                return Digits.LICENCE;
        }
    }

    public static DataSets byId(String id) {
        for (DataSets d : values()) {
            if (d.id.equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id.replace('-', '_').toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "' (known: fashion-mnist, digits, flights, flights-3m)");
    }

    @Override
    public String toString() {
        return id;
    }
}
