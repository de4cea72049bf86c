package io.greentrain.exporter.records;

import java.util.Objects;

/**
 * What makes a record a run's (schema 2): which run it is, how many calls it counted and which group it belongs to.
 *
 * @param kind      {@link #RUN} (one record per training run, the default) or {@link #CALL} (one library call, written
 *                  only with {@code records.detail=calls}, and by schema-1 files, where every record was a call)
 * @param runId     unique per run ({@code <jvm id>-<n>}); "" for schema-1 call records, which predate runs
 * @param runName   the name given with {@code GreenTrain.startRun(name)}, else ""
 * @param calls     training calls counted in the run (1 for a call record)
 * @param rows      rows of training data the calls were given where the library tells (sum over calls), else -1
 * @param groupId   the cross-validation, search or named group the run belongs to, else ""
 * @param groupName what made the group, e.g. {@code tribuo CrossValidation}, {@code smile CrossValidation} or the name
 *                  given with {@code GreenTrain.startGroup(name)}; "" without a group
 *
 * <p>A run can be nested in another ({@link #parentRunId()}): the library calls made inside a user's
 * {@code GreenTrain.measure} block are a run of their own whose parent is the block's run. Each record's energy is its
 * own (exclusive): while a child's call runs, the energy goes to the child, so summing records counts every joule once.
 */
public final class RunFacts {

    public static final String RUN = "run";
    public static final String CALL = "call";

    private final String kind;
    private final String runId;
    private final String runName;
    private final long calls;
    private final long rows;
    private final String groupId;
    private final String groupName;
    private final String parentRunId;

    public RunFacts(String kind, String runId, String runName, long calls, long rows, String groupId, String groupName) {
        this(kind, runId, runName, calls, rows, groupId, groupName, "");
    }

    /** @param parentRunId the run this one is nested in (see the class comment), else "" */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public RunFacts(String kind, String runId, String runName, long calls, long rows, String groupId, String groupName,
                    String parentRunId) {
        if (!RUN.equals(kind) && !CALL.equals(kind)) {
            throw new IllegalArgumentException("record kind must be '" + RUN + "' or '" + CALL + "': '" + kind + "'");
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0: " + calls);
        }
        this.kind = kind;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.runName = runName == null ? "" : runName;
        this.calls = calls;
        this.rows = rows < 0 ? -1 : rows;
        this.groupId = groupId == null ? "" : groupId;
        this.groupName = groupName == null ? "" : groupName;
        this.parentRunId = parentRunId == null ? "" : parentRunId;
    }

    /** A schema-1 record: one call, no run, no group. */
    public static RunFacts legacyCall() {
        return new RunFacts(CALL, "", "", 1, -1, "", "");
    }

    public String kind() {
        return kind;
    }

    public boolean isRun() {
        return RUN.equals(kind);
    }

    public String runId() {
        return runId;
    }

    public String runName() {
        return runName;
    }

    public long calls() {
        return calls;
    }

    public long rows() {
        return rows;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    /** The run this one is nested in (a user's block around library calls), else "". */
    public String parentRunId() {
        return parentRunId;
    }
}
