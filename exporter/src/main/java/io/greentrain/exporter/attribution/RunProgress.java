package io.greentrain.exporter.attribution;

import io.greentrain.exporter.records.ComponentEnergy;
import java.util.List;
import java.util.Objects;

/**
 * What a run measured since its previous progress (the deltas the counters add) and so far (the totals a progress line
 * shows). Calls are counted by outcome in {@link #SUCCESS}, {@link #ERROR}, {@link #INTERRUPTED} order.
 */
public final class RunProgress {

    public static final int SUCCESS = 0;
    public static final int ERROR = 1;
    public static final int INTERRUPTED = 2;

    private final String runId;
    private final String runName;
    private final String library;
    private final String model;
    private final List<ComponentEnergy> energySince;
    private final long[] callsSince;
    private final long sinceEpochMillis;
    private final long nowEpochMillis;
    private final long callsSoFar;
    private final double joulesSoFar;
    private final double secondsSoFar;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public RunProgress(String runId, String runName, String library, String model, List<ComponentEnergy> energySince,
                       long[] callsSince, long sinceEpochMillis, long nowEpochMillis, long callsSoFar, double joulesSoFar,
                       double secondsSoFar) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.runName = runName == null ? "" : runName;
        this.library = Objects.requireNonNull(library, "library");
        this.model = Objects.requireNonNull(model, "model");
        this.energySince = List.copyOf(energySince);
        if (callsSince.length != 3) {
            throw new IllegalArgumentException("callsSince needs 3 outcomes, got " + callsSince.length);
        }
        this.callsSince = callsSince.clone();
        this.sinceEpochMillis = sinceEpochMillis;
        this.nowEpochMillis = Math.max(sinceEpochMillis, nowEpochMillis);
        this.callsSoFar = callsSoFar;
        this.joulesSoFar = joulesSoFar;
        this.secondsSoFar = secondsSoFar;
    }

    public String runId() {
        return runId;
    }

    public String runName() {
        return runName;
    }

    public String library() {
        return library;
    }

    public String model() {
        return model;
    }

    /** Energy per component and source since the previous progress. */
    public List<ComponentEnergy> energySince() {
        return energySince;
    }

    /** Calls that ended since the previous progress with outcome {@link #SUCCESS}, {@link #ERROR} or {@link #INTERRUPTED}. */
    public long callsSince(int outcome) {
        return callsSince[outcome];
    }

    public long sinceEpochMillis() {
        return sinceEpochMillis;
    }

    public long nowEpochMillis() {
        return nowEpochMillis;
    }

    public long callsSoFar() {
        return callsSoFar;
    }

    public double joulesSoFar() {
        return joulesSoFar;
    }

    public double secondsSoFar() {
        return secondsSoFar;
    }
}
