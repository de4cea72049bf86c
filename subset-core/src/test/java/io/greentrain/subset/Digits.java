package io.greentrain.subset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * scikit-learn's copy of the UCI optical handwritten digits (1797 rows, 64 pixel counts 0..16, label 0..9), see
 * src/test/resources/DATA-NOTICE.md.
 */
public final class Digits {

    public static final int ROWS = 1797;
    public static final int FEATURES = 64;

    private static Digits cached;

    private final float[][] features;
    private final int[] labels;

    private Digits(float[][] features, int[] labels) {
        this.features = features;
        this.labels = labels;
    }

    public static synchronized Digits load() {
        if (cached == null) {
            cached = read();
        }
        return cached;
    }

    /** A fresh copy, safe to hand to code under test. */
    public float[][] features() {
        float[][] copy = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            copy[i] = features[i].clone();
        }
        return copy;
    }

    public double[][] featuresAsDouble() {
        double[][] copy = new double[features.length][FEATURES];
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < FEATURES; j++) {
                copy[i][j] = features[i][j];
            }
        }
        return copy;
    }

    public int[] labels() {
        return labels.clone();
    }

    private static Digits read() {
        try (InputStream raw = Digits.class.getResourceAsStream("/digits.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("digits.csv.gz is missing from the test resources");
            }
            try (Reader reader = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII)) {
                List<float[]> rows = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                    float[] row = new float[FEATURES];
                    for (int j = 0; j < FEATURES; j++) {
                        row[j] = Float.parseFloat(record.get(j));
                    }
                    rows.add(row);
                    labels.add(Integer.parseInt(record.get(FEATURES)));
                }
                int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
                return new Digits(rows.toArray(new float[0][]), labelArray);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
