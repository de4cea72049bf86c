package io.greentrain.examples.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link Dl4jSparkJob}'s driver printed: its {@code DL4J_TRAINED} line and, from DL4J's own training stats, the
 * number of worker {@code fit} calls per executor JVM (keyed by DL4J's JVM uid, not the pid).
 */
record Dl4jTraining(String appId, int rows, int workers, int averagings, int fits, double accuracy, long trainMillis,
                    Map<String, Integer> fitsPerJvm) {

    static Dl4jTraining parse(String driverOutput) {
        List<String> results = driverOutput.lines().filter(l -> l.startsWith(Dl4jSparkJob.RESULT_PREFIX))
                .collect(Collectors.toList());
        if (results.size() != 1) {
            throw new IllegalArgumentException(results.size() + " " + Dl4jSparkJob.RESULT_PREFIX + "lines in the driver output");
        }
        Map<String, String> f = fields(results.get(0), Dl4jSparkJob.RESULT_PREFIX);
        Map<String, Integer> perJvm = new TreeMap<>();
        driverOutput.lines().filter(l -> l.startsWith(Dl4jSparkJob.WORKER_PREFIX))
                .map(l -> fields(l, Dl4jSparkJob.WORKER_PREFIX))
                .forEach(w -> perJvm.put(w.get("jvm"), Integer.parseInt(w.get("fits"))));
        return new Dl4jTraining(f.get("app"), Integer.parseInt(f.get("rows")), Integer.parseInt(f.get("workers")),
                Integer.parseInt(f.get("averagings")), Integer.parseInt(f.get("fits")),
                Double.parseDouble(f.get("accuracy")), Long.parseLong(f.get("trainMillis")), perJvm);
    }

    private static Map<String, String> fields(String line, String prefix) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.substring(prefix.length()).trim().split(" ")) {
            String[] kv = field.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return fields;
    }
}
