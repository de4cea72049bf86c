package io.greentrain.examples;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.greentrain.examples.data.DataCache;
import io.greentrain.examples.data.DataSets;
import io.greentrain.examples.data.TrainTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fetches and verifies the data sets into the cache, then prints what it found. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch, checksum and cache the data sets (Debian packages dataset-fashion-mnist and python3-sklearn, npm package vega-datasets).")
public final class FetchCommand implements Callable<Integer> {

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where fetched data sets are kept (default: $GREENTRAIN_CACHE or ~/.cache/greentrain).")
    Path cacheDir;

    @Override
    public Integer call() {
        DataCache cache = DataCache.resolve(cacheDir);
        for (DataSets d : DataSets.values()) {
            TrainTest data = d.load(cache, System.err);
            System.out.println(d + ": " + data + " - " + d.licence() + " - cached under " + cache);
        }
        return 0;
    }
}
