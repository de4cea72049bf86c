package io.greentrain.exporter.records;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one finished training run (or, with {@code records.detail=calls}, one call): what ran, for
 * how long, the energy per component with its source, and (once the carbon stage has run) the grams CO2e with their
 * provenance. {@link #run()} says which it is, how many calls it counted and its group. Immutable; {@link #withCarbon}
 * returns an annotated copy.
 *
 * <p>For a run, {@code thread}, {@code entryPoint}, {@code dataFingerprint} and {@code epochsPlanned} are those of its
 * first call; {@code outcome} is the worst of its calls' ({@code interrupted} over {@code error} over {@code success}).
 */
public final class CallRecord {

    private final String jvmId;
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
    private final RunFacts run;
    private final SparkApp sparkApp;
    private final String containerId;

    /** A schema-1 call record ({@link RunFacts#legacyCall()}). */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public CallRecord(String jvmId, long pid, String host, String thread, String library, String model, String entryPoint,
                      String outcome, String errorType, long startEpochMillis, long endEpochMillis, double durationSeconds,
                      int epochs, int epochsPlanned, List<ComponentEnergy> energy, String dataFingerprint,
                      String configFingerprint, CarbonFigures carbon) {
        this(jvmId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis, endEpochMillis,
                durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, carbon, RunFacts.legacyCall());
    }

    /** @param jvmId one random id per JVM (schema 1 called it {@code run_id}) */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public CallRecord(String jvmId, long pid, String host, String thread, String library, String model, String entryPoint,
                      String outcome, String errorType, long startEpochMillis, long endEpochMillis, double durationSeconds,
                      int epochs, int epochsPlanned, List<ComponentEnergy> energy, String dataFingerprint,
                      String configFingerprint, CarbonFigures carbon, RunFacts run) {
        this(jvmId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis, endEpochMillis,
                durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, carbon, run, SparkApp.NONE, "");
    }

    /**
     * A record with the whole identity of the JVM that wrote it at once: {@code jvmId}, {@code pid} and {@code host}, and
     * where it ran, {@code sparkApp} ({@link SparkApp#NONE} outside Spark) and {@code containerId} ("" outside a
     * container).
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public CallRecord(String jvmId, long pid, String host, String thread, String library, String model, String entryPoint,
                      String outcome, String errorType, long startEpochMillis, long endEpochMillis, double durationSeconds,
                      int epochs, int epochsPlanned, List<ComponentEnergy> energy, String dataFingerprint,
                      String configFingerprint, CarbonFigures carbon, RunFacts run, SparkApp sparkApp, String containerId) {
        this.jvmId = Objects.requireNonNull(jvmId);
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
        this.run = Objects.requireNonNull(run, "run");
        this.sparkApp = Objects.requireNonNull(sparkApp, "sparkApp");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
    }

    public CallRecord withCarbon(CarbonFigures figures) {
        return new CallRecord(jvmId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis,
                endEpochMillis, durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, figures, run, sparkApp,
                containerId);
    }

    /** A copy that names the Spark application its JVM belonged to. */
    public CallRecord withSparkApp(SparkApp app) {
        return new CallRecord(jvmId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis,
                endEpochMillis, durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, carbon, run, app,
                containerId);
    }

    /** A copy that names the container its JVM ran in (short id, see {@code ContainerId}); "" outside one. */
    public CallRecord withContainerId(String id) {
        return new CallRecord(jvmId, pid, host, thread, library, model, entryPoint, outcome, errorType, startEpochMillis,
                endEpochMillis, durationSeconds, epochs, epochsPlanned, energy, dataFingerprint, configFingerprint, carbon, run, sparkApp,
                id);
    }

    /** The 12-hex id of the container the writing JVM ran in; "" outside a container or where none was found. */
    public String containerId() {
        return containerId;
    }

    /** The Spark application of the JVM that wrote this record; {@link SparkApp#NONE} outside Spark. */
    public SparkApp sparkApp() {
        return sparkApp;
    }

    public double totalJoules() {
        double sum = 0;
        for (ComponentEnergy e : energy) {
            sum += e.joules();
        }
        return sum;
    }

    /** Whether any component is modelled, so the total carries a band. */
    public boolean hasEstimate() {
        for (ComponentEnergy e : energy) {
            if (e.estimated()) {
                return true;
            }
        }
        return false;
    }

    /** The lowest total energy the figures may stand for (measured parts as they are, estimates at their low end). */
    public double totalLowJoules() {
        double sum = 0;
        for (ComponentEnergy e : energy) {
            sum += e.low();
        }
        return sum;
    }

    /** The highest total energy the figures may stand for. */
    public double totalHighJoules() {
        double sum = 0;
        for (ComponentEnergy e : energy) {
            sum += e.high();
        }
        return sum;
    }

    /** One random id per JVM. */
    public String jvmId() {
        return jvmId;
    }

    /** The run's id ({@link RunFacts#runId()}). */
    public String runId() {
        return run.runId();
    }

    /** Kind, run id and name, calls, rows and group. */
    public RunFacts run() {
        return run;
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
