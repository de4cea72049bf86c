package io.greentrain.examples;

import java.nio.file.Path;

import io.greentrain.examples.data.DataCache;
import io.greentrain.examples.data.DataSets;
import io.greentrain.examples.data.TrainTest;
import picocli.CommandLine.Option;

/** Data options shared by the jobs and the study. */
public final class DataOptions {

    /** Test rows given with --test-rows, or null. */
    public Integer testRows() {
        return testRows;
    }

    /** Training rows given with --rows, or null. */
    public Integer rows() {
        return rows;
    }


    @Option(names = "--data", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "Data set: fashion-mnist (60,000/10,000 images, MIT) or digits (1,797 images, BSD-3-Clause). Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--rows", paramLabel = "N", description = "Use a seeded random slice of N training rows (default: all).")
    Integer rows;

    @Option(names = "--test-rows", paramLabel = "N", description = "Use a seeded random slice of N test rows (default: all).")
    Integer testRows;

    @Option(names = "--pool", paramLabel = "F",
            description = "Average-pool images by F (2 turns 28x28 into 14x14; 1 keeps them). Default: 1 for the jobs, 2 for the study.")
    Integer pool;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where fetched data sets are kept (default: $GREENTRAIN_CACHE or ~/.cache/greentrain).")
    Path cacheDir;

    public DataSets dataSet() {
        return DataSets.byId(data);
    }

    TrainTest load(int defaultRows, int defaultTestRows) {
        return load(defaultRows, defaultTestRows, 1);
    }

    /** Loads the data set, slices it (0 = all rows) and pools it, options overriding the given defaults. */
    public TrainTest load(int defaultRows, int defaultTestRows, int defaultPool) {
        DataCache cache = DataCache.resolve(cacheDir);
        TrainTest all = dataSet().load(cache, System.err);
        int r = rows != null ? rows : defaultRows;
        int t = testRows != null ? testRows : defaultTestRows;
        return all.sliced(r, t, 7L).pooled(pool != null ? pool : defaultPool);
    }
}
