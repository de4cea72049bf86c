package io.greentrain.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * US domestic flights of 2001, the {@code flights-200k} table of the npm package {@code vega-datasets} (BSD-3-Clause;
 * the data are the U.S. Bureau of Transportation Statistics' on-time records): 200,000 flights with the delay in
 * minutes, the distance in miles and the scheduled departure time of day in hours. The task: is the flight more
 * than 15 minutes late (the BTS definition of a delay)? Features: time of day / 24 and distance / 1000. This table
 * has no origin or destination columns (only the smaller flights-2k ... 20k tables do), so the two features carry
 * little signal and the majority class (on time, 78 %) is the baseline to beat. A seeded 80/20 split.
 */
public final class Flights {

    public static final String LICENCE = "BSD-3-Clause (vega-datasets; U.S. Bureau of Transportation Statistics), "
            + "npm package vega-datasets@3.2.1";
    public static final NpmDataPackage SOURCE = new NpmDataPackage("vega-datasets", "3.2.1",
            "6f72fda460a9863fae5fcb32f85bcd49e1761fdea6dc6cf9f4962472881cc5a3", "data/flights-200k.json",
            "82c60682ccdec1a9cf1102b2a011bef789243053f1ac01a531580c72be3d8bc0");
    public static final String[] CLASS_NAMES = {"on time", "delayed > 15 min"};
    /** A flight is delayed when it arrives more than this many minutes late. */
    public static final int DELAY_MINUTES = 15;
    static final long SPLIT_SEED = 2001;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Flights() {
    }

    /** Fetches (once) and parses flights-200k, split 80/20 with a fixed seed. */
    public static TrainTest load(DataCache cache, PrintStream log) {
        Path file = SOURCE.fetch(cache, log);
        try (InputStream in = Files.newInputStream(file)) {
            return split(read(in, file.toString()));
        } catch (IOException e) {
            throw new DataUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first 80 % of a seeded shuffle for training, the rest for testing. */
    public static TrainTest split(LabelledData all) {
        LabelledData shuffled = all.shuffled(SPLIT_SEED);
        int train = (int) Math.round(0.8 * shuffled.size());
        int[] test = new int[shuffled.size() - train];
        for (int i = 0; i < test.length; i++) {
            test[i] = train + i;
        }
        return new TrainTest(shuffled.head(train), shuffled.rows(test));
    }

    /**
     * Parses a JSON array of {@code {"delay":..,"distance":..,"time":..}} objects with Jackson, one object at a time.
     *
     * @throws IOException naming the row and field when a flight lacks a number
     */
    public static LabelledData read(InputStream in, String name) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(name + " is not a JSON array of flights");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode flight = JSON.readTree(parser);
                int row = rows.size();
                double delay = number(flight, "delay", row, name);
                double distance = number(flight, "distance", row, name);
                double time = number(flight, "time", row, name);
                rows.add(new float[] {(float) (time / 24), (float) (distance / 1000)});
                labels.add(delay > DELAY_MINUTES ? 1 : 0);
            }
        }
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return new LabelledData("flights-200k", rows.toArray(new float[0][]), y, CLASS_NAMES);
    }

    private static double number(JsonNode flight, String field, int row, String name) throws IOException {
        JsonNode v = flight.get(field);
        if (v == null || !v.isNumber()) {
            throw new IOException(name + ": flight " + row + " has no number '" + field + "': " + flight);
        }
        return v.asDouble();
    }
}
