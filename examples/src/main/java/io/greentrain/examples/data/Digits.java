package io.greentrain.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The UCI optical digits as shipped by scikit-learn ({@code load_digits}, BSD-3-Clause): 1,797 images of 8x8
 * pixels with values 0..16, 10 classes. Taken from the Debian package {@code python3-sklearn} (no Python needed);
 * small enough for fast tests. There is no official split: a seeded stratified 80/20 split is used.
 */
public final class Digits {

    public static final String PACKAGE = "python3-sklearn";
    public static final String LICENCE = "BSD-3-Clause (scikit-learn), Debian package " + PACKAGE;
    public static final String FILE = "digits.csv.gz";

    public static final DebianDataPackage SOURCE = new DebianDataPackage(PACKAGE, "scikit-learn digits (BSD-3-Clause)",
            List.of(new DebianDataPackage.PackagedFile("/usr/lib/python3/dist-packages/sklearn/datasets/data/" + FILE,
                    "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a")));

    public static final String[] CLASS_NAMES = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private Digits() {
    }

    public static TrainTest load(DataCache cache, PrintStream log) {
        return split(parse(SOURCE.fetch(cache, log).resolve(FILE)), 0.2, 42);
    }

    /** Parses the gzip CSV: 64 pixel columns (0..16, scaled to [0, 1]) then the label; no header. */
    public static LabelledData parse(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             Reader reader = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII)) {
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                if (record.size() != 65) {
                    throw new IOException("line " + record.getRecordNumber() + " has " + record.size()
                            + " columns, expected 65");
                }
                float[] x = new float[64];
                for (int j = 0; j < 64; j++) {
                    x[j] = Float.parseFloat(record.get(j)) / 16f;
                }
                rows.add(x);
                labels.add((int) Double.parseDouble(record.get(64)));
            }
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            return new LabelledData("digits", rows.toArray(new float[0][]), y, CLASS_NAMES);
        } catch (IOException | RuntimeException e) {
            throw new DataUnavailableException("cannot read digits from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Seeded stratified split: {@code testShare} of each class goes to the test split. */
    public static TrainTest split(LabelledData all, double testShare, long seed) {
        LabelledData shuffled = all.shuffled(seed);
        int[] counts = shuffled.classCounts();
        int[] seen = new int[counts.length];
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            int c = shuffled.labels()[i];
            if (seen[c]++ < Math.round(counts[c] * testShare)) {
                test.add(i);
            } else {
                train.add(i);
            }
        }
        return new TrainTest(shuffled.rows(train.stream().mapToInt(Integer::intValue).toArray()),
                shuffled.rows(test.stream().mapToInt(Integer::intValue).toArray()));
    }
}
