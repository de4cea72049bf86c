package io.greentrain.examples.tradeoff;

import java.util.List;
import java.util.Objects;

/**
 * The study's view of one record the agent appended to its records file: which call, when, on which thread, the
 * joules per component with their source, and the carbon figures (NaN / empty when the record has none).
 */
public final class AgentRecord {

    /** Joules of one component and where the number came from ({@code rapl}, {@code nvml}, {@code estimate}). */
    public static final class Energy {
        private final String component;
        private final String source;
        private final double joules;

        public Energy(String component, String source, double joules) {
            this.component = Objects.requireNonNull(component);
            this.source = Objects.requireNonNull(source);
            this.joules = joules;
        }

        public String component() {
            return component;
        }

        public String source() {
            return source;
        }

        public double joules() {
            return joules;
        }
    }

    private final long pid;
    private final String thread;
    private final String library;
    private final String model;
    private final String entryPoint;
    private final String outcome;
    private final long startMillis;
    private final long endMillis;
    private final double durationSeconds;
    private final List<Energy> energy;
    private final String zone;
    private final double gramsPerKwh;
    private final String intensitySource;
    private final double pue;
    private final double grams;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public AgentRecord(long pid, String thread, String library, String model, String entryPoint, String outcome,
                       long startMillis, long endMillis, double durationSeconds, List<Energy> energy, String zone,
                       double gramsPerKwh, String intensitySource, double pue, double grams) {
        this.pid = pid;
        this.thread = thread == null ? "" : thread;
        this.library = library == null ? "" : library;
        this.model = model == null ? "" : model;
        this.entryPoint = entryPoint == null ? "" : entryPoint;
        this.outcome = outcome == null ? "" : outcome;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.durationSeconds = durationSeconds;
        this.energy = List.copyOf(energy);
        this.zone = zone == null ? "" : zone;
        this.gramsPerKwh = gramsPerKwh;
        this.intensitySource = intensitySource == null ? "" : intensitySource;
        this.pue = pue;
        this.grams = grams;
    }

    public long pid() {
        return pid;
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

    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public List<Energy> energy() {
        return energy;
    }

    public double totalJoules() {
        double sum = 0;
        for (Energy e : energy) {
            sum += e.joules();
        }
        return sum;
    }

    public String zone() {
        return zone;
    }

    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    public String intensitySource() {
        return intensitySource;
    }

    public double pue() {
        return pue;
    }

    /** Grams CO2e, or NaN when the record carries no carbon figures. */
    public double grams() {
        return grams;
    }

    /** True if this call ran inside {@code outer} on the same thread (nested calls of two libraries). */
    boolean nestedIn(AgentRecord outer) {
        return outer != this && thread.equals(outer.thread) && outer.startMillis <= startMillis
                && endMillis <= outer.endMillis;
    }

    @Override
    public String toString() {
        return library + "/" + model + " " + entryPoint + " [" + startMillis + ".." + endMillis + "] " + totalJoules()
                + " J on " + thread;
    }
}
