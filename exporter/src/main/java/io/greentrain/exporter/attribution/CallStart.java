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

    public CallStart(String library, String model, String entryPoint, String threadName, long threadId,
                     int epochsPlanned, String dataFingerprint, String configFingerprint) {
        this.library = Objects.requireNonNull(library, "library");
        this.model = Objects.requireNonNull(model, "model");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint");
        this.threadName = threadName == null ? "" : threadName;
        this.threadId = threadId;
        this.epochsPlanned = epochsPlanned;
        this.dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
        this.configFingerprint = configFingerprint == null ? "" : configFingerprint;
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
