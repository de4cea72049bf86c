package io.greentrain.exporter.records;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one finished training call: what ran, for how long, the energy per component
 * with its source, and (once the carbon stage has run) the grams CO2e with their provenance.
 * Immutable; {@link #withCarbon} returns an annotated copy.
 */
public final class CallRecord {

    private final String runId;
    private final long pid;
    private final String host;
    private final String thread;
    private final String library;
    private final String model;
    private final String entryPoint;
    private final String outcome;
    private final String errorType;
    private final long startEpochMillis;
    private final long endEpochMillis;
    private final double durationSeconds;
    private final int epochs;
    private final int epochsPlanned;
    private final List<ComponentEnergy> energy;
    private final String dataFingerprint;
    private final String configFingerprint;
    private final CarbonFigures carbon;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public CallRecord(String runId, long pid, String host, String thread, String library, String model, String entryPoint,
                      String outcome, String errorType, long startEpochMillis, long endEpochMillis, double durationSeconds,
                      int epochs, int epochsPlanned, List<ComponentEnergy> energy, String dataFingerprint,
                      String configFingerprint, CarbonFigures carbon) {
        this.runId = Objects.requireNonNull(runId);
        this.pid = pid;
        this.host = Objects.requireNonNull(host);
        this.thread = Objects.requireNonNull(thread);
        this.library = Objects.requireNonNull(library);
        this.model = Objects.requireNonNull(model);
        this.entryPoint = Objects.requireNonNull(entryPoint);
        this.outcome = Objects.requireNonNull(outcome);
        this.errorType = errorType == null ? "" : errorType;
        this.startEpochMillis = startEpochMillis;
        this.endEpochMillis = endEpochMillis;
        this.durationSeconds = durationSeconds;
        this.epochs = epochs;
        this.epochsPlanned = epochsPlanned;
        this.energy = Collections.unmodifiableList(List.copyOf(energy));
        this.dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
        this.configFingerprint = configFingerprint == null ? "" : configFingerprint;
        this.carbon = carbon;
    }

    public CallRecord withCarbon(CarbonFigures figures) {
        return new CallRecord(runId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis,
                endEpochMillis, durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, figures);
    }

    public double totalJoules() {
        double sum = 0;
        for (ComponentEnergy e : energy) {
            sum += e.joules();
        }
        return sum;
    }

    public String runId() {
        return runId;
    }

    public long pid() {
        return pid;
    }

    public String host() {
        return host;
    }

    public String thread() {
        return thread;
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

    public String outcome() {
        return outcome;
    }

    public String errorType() {
        return errorType;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public long endEpochMillis() {
        return endEpochMillis;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public int epochs() {
        return epochs;
    }

    public int epochsPlanned() {
        return epochsPlanned;
    }

    public List<ComponentEnergy> energy() {
        return energy;
    }

    public String dataFingerprint() {
        return dataFingerprint;
    }

    public String configFingerprint() {
        return configFingerprint;
    }

    /** Null until the carbon stage has annotated the record. */
    public CarbonFigures carbon() {
        return carbon;
    }
}
