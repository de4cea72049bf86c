package io.greentrain.exporter.outputs;

import java.util.Objects;

/**
 * The attributor's forecast for a running call whose epoch count is known, after each finished epoch
 * (carbontracker's linear model: {@code forecastJoules = epochsPlanned * mean joules per epoch so far}).
 *
 * @param callStartMillis epoch millis when the call began (the intensity over the call so far is averaged from here)
 */
public final class EnergyForecast {

    private final String library;
    private final String model;
    private final int epochsCompleted;
    private final int epochsPlanned;
    private final double elapsedSeconds;
    private final double joulesSoFar;
    private final double forecastJoules;
    private final long callStartMillis;

    /** @throws IllegalArgumentException for epochs outside {@code 1 <= completed <= planned} or negative/non-finite numbers */
    public EnergyForecast(String library, String model, int epochsCompleted, int epochsPlanned, double elapsedSeconds,
                          double joulesSoFar, double forecastJoules, long callStartMillis) {
        this.library = Objects.requireNonNull(library, "library");
        this.model = Objects.requireNonNull(model, "model");
        if (epochsCompleted < 1 || epochsPlanned < epochsCompleted) {
            throw new IllegalArgumentException("forecast needs 1 <= epochs completed <= epochs planned: "
                    + epochsCompleted + "/" + epochsPlanned);
        }
        this.epochsCompleted = epochsCompleted;
        this.epochsPlanned = epochsPlanned;
        this.elapsedSeconds = nonNegative(elapsedSeconds, "elapsedSeconds");
        this.joulesSoFar = nonNegative(joulesSoFar, "joulesSoFar");
        this.forecastJoules = nonNegative(forecastJoules, "forecastJoules");
        this.callStartMillis = callStartMillis;
    }

    /**
     * A forecast from a call's progress as the attributor reports it (its {@code CallForecast}: epochs, seconds and
     * joules so far, forecast joules); the call is taken to have started {@code secondsSoFar} ago. An epoch count
     * already past the plan (a call that ran more epochs than its arguments said) counts as the plan.
     */
    public static EnergyForecast fromProgress(String library, String model, int epochsCompleted, int epochsPlanned,
                                              double secondsSoFar, double joulesSoFar, double forecastJoules) {
        long startMillis = System.currentTimeMillis() - Math.round(Math.max(0, secondsSoFar) * 1000);
        return new EnergyForecast(library, model, epochsCompleted, Math.max(epochsPlanned, epochsCompleted), secondsSoFar,
                joulesSoFar, Math.max(forecastJoules, joulesSoFar), startMillis);
    }

    private static double nonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0: " + value);
        }
        return value;
    }

    public String library() {
        return library;
    }

    public String model() {
        return model;
    }

    public int epochsCompleted() {
        return epochsCompleted;
    }

    public int epochsPlanned() {
        return epochsPlanned;
    }

    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    public double joulesSoFar() {
        return joulesSoFar;
    }

    public double forecastJoules() {
        return forecastJoules;
    }

    public long callStartMillis() {
        return callStartMillis;
    }

    /** Seconds left if the remaining epochs take as long as the finished ones on average. */
    public double secondsLeft() {
        return elapsedSeconds / epochsCompleted * (epochsPlanned - epochsCompleted);
    }
}
