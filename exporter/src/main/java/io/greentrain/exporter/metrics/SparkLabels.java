package io.greentrain.exporter.metrics;

import io.greentrain.exporter.records.SparkApp;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels every GreenTrain series carries in a Spark JVM: {@code spark_app_id} and {@code spark_executor_id}. Their
 * cardinality is that of the JVMs themselves (one application and one executor per JVM, so no more series than the
 * {@code instance} label already makes); outside Spark there are none.
 */
public final class SparkLabels {

    public static final String APP_ID = "spark_app_id";
    public static final String EXECUTOR_ID = "spark_executor_id";

    private SparkLabels() {
    }

    /** The common tags for this JVM's meters: none outside Spark or before the application id is known. */
    public static List<Tag> commonTags(SparkApp app) {
        List<Tag> tags = new ArrayList<>();
        if (!app.appId().isEmpty()) {
            tags.add(Tag.of(APP_ID, app.appId()));
            tags.add(Tag.of(EXECUTOR_ID, app.executorId()));
        }
        return tags;
    }
}
