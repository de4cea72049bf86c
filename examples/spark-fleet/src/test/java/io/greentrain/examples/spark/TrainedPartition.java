package io.greentrain.examples.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One {@code TRAINED ...} line of {@link SparkTrainingJob}'s driver output. */
record TrainedPartition(String library, int partition, String executor, long pid, int rows, double accuracy,
                        long trainMillis) {

    static List<TrainedPartition> parse(String driverOutput) {
        return driverOutput.lines().filter(l -> l.startsWith(SparkTrainingJob.RESULT_PREFIX))
                .map(TrainedPartition::parseLine).collect(Collectors.toList());
    }

    static TrainedPartition parseLine(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.substring(SparkTrainingJob.RESULT_PREFIX.length()).trim().split(" ")) {
            String[] kv = field.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return new TrainedPartition(fields.get("library"), Integer.parseInt(fields.get("partition")),
                fields.get("executor"), Long.parseLong(fields.get("pid")), Integer.parseInt(fields.get("rows")),
                Double.parseDouble(fields.get("accuracy")), Long.parseLong(fields.get("trainMillis")));
    }
}
