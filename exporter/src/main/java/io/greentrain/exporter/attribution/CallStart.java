package io.greentrain.exporter.attribution;

import java.util.Objects;

/**
 * What the agent knows when a training call begins: plain values only, so the exporter never sees
 * bytecode or library types.
 *
 * @param library           bounded: {@code dl4j}, {@code smile}, {@code tribuo}, {@code subset}, {@code custom}
 * @param model             simple class name of the model or trainer (the exporter bounds the label set)
 * @param entryPoint        {@code Type#method} of the outermost intercepted method
 * @param epochsPlanned     epochs the call will run when known from its arguments, else -1
 * @param dataFingerprint   shape of the training data where known (e.g. {@code rows=60000,features=784}), else ""
 * @param configFingerprint hash of the model's configuration where the library exposes it, else ""
 * @param runKey            which run the call continues: the same key (the model or trainer object's identity, or an
 *                          explicit run scope) within {@code runs.gap} is the same run; "" makes the call a run of its own
 * @param runName           the name of an explicit run scope, else ""
 * @param groupKey          the cross-validation, search or named scope the call is made in, else ""
 * @param groupName         what that scope is, e.g. {@code tribuo CrossValidation}; "" without a group
 * @param rows              rows of training data in the call's arguments where the library tells, else -1
 */
public final class CallStart {

    private final String library;
    private final String model;
    private final String entryPoint;
    private final String threadName;
    private final long threadId;
    private final int epochsPlanned;
    private final String dataFingerprint;
    private final String configFingerprint;
    private final String runKey;
    private final String runName;
    private final String groupKey;
    private final String groupName;
    private final long rows;

    /** A call that is a run of its own, in no group. */
    public CallStart(String library, String model, String entryPoint, String threadName, long threadId,
                     int epochsPlanned, String dataFingerprint, String configFingerprint) {
        this(library, model, entryPoint, threadName, threadId, epochsPlanned, dataFingerprint, configFingerprint, "", "", "", "", -1);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public CallStart(String library, String model, String entryPoint, String threadName, long threadId,
                     int epochsPlanned, String dataFingerprint, String configFingerprint, String runKey, String runName,
                     String groupKey, String groupName, long rows) {
        this.library = Objects.requireNonNull(library, "library");
        this.model = Objects.requireNonNull(model, "model");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint");
        this.threadName = threadName == null ? "" : threadName;
        this.threadId = threadId;
        this.epochsPlanned = epochsPlanned;
        this.dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
        this.configFingerprint = configFingerprint == null ? "" : configFingerprint;
        this.runKey = runKey == null ? "" : runKey;
        this.runName = runName == null ? "" : runName;
        this.groupKey = groupKey == null ? "" : groupKey;
        this.groupName = groupName == null ? "" : groupName;
        this.rows = rows < 0 ? -1 : rows;
    }

    public String runKey() {
        return runKey;
    }

    public String runName() {
        return runName;
    }

    public String groupKey() {
        return groupKey;
    }

    public String groupName() {
        return groupName;
    }

    public long rows() {
        return rows;
    }

    public String library() {
        return library;
    }

    public String model() {
        return model;
    }

    public String entryPoint() {
        return entryPoint;
    }

    public String threadName() {
        return threadName;
    }

    public long threadId() {
        return threadId;
    }

    public int epochsPlanned() {
        return epochsPlanned;
    }

    public String dataFingerprint() {
        return dataFingerprint;
    }

    public String configFingerprint() {
        return configFingerprint;
    }

    @Override
    public String toString() {
        return library + ":" + model + " " + entryPoint + " on " + threadName;
    }
}
