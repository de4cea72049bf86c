package io.greentrain.exporter.records;

import java.util.Objects;

/**
 * The Spark application a record's JVM belonged to, when it was a Spark driver or executor: application id
 * ({@code app-20261207101500-0003}), application name and executor id ({@code driver} on the driver). Any part may be
 * empty where the JVM could not tell; {@link #NONE} outside Spark.
 */
public final class SparkApp {

    public static final SparkApp NONE = new SparkApp("", "", "");

    private final String appId;
    private final String appName;
    private final String executorId;

    public SparkApp(String appId, String appName, String executorId) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.executorId = Objects.requireNonNull(executorId, "executorId");
    }

    public String appId() {
        return appId;
    }

    public String appName() {
        return appName;
    }

    public String executorId() {
        return executorId;
    }

    /** Whether this JVM was seen to be part of a Spark application at all. */
    public boolean isSpark() {
        return !(appId.isEmpty() && appName.isEmpty() && executorId.isEmpty());
    }

    /** Whether nothing more can be learnt: id, name and executor are all known. */
    public boolean isComplete() {
        return !appId.isEmpty() && !appName.isEmpty() && !executorId.isEmpty();
    }

    /** This, with the parts it lacks taken from {@code other}. */
    public SparkApp orElse(SparkApp other) {
        return new SparkApp(appId.isEmpty() ? other.appId : appId, appName.isEmpty() ? other.appName : appName,
                executorId.isEmpty() ? other.executorId : executorId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparkApp && ((SparkApp) o).appId.equals(appId) && ((SparkApp) o).appName.equals(appName)
                && ((SparkApp) o).executorId.equals(executorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, appName, executorId);
    }

    @Override
    public String toString() {
        return isSpark() ? "spark app " + appId + " (" + appName + "), executor " + executorId : "not spark";
    }
}
