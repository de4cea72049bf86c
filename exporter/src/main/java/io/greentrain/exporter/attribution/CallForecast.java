package io.greentrain.exporter.attribution;

import java.util.Objects;

/**
 * The energy a call will have used when all its planned epochs are done, extrapolated linearly from the
 * epochs so far (carbontracker's rule): {@code forecast = joulesSoFar / epochsCompleted × epochsPlanned},
 * likewise for time. Published after each epoch of a call whose planned epoch count is known.
 */
public final class CallForecast {

    private final CallStart call;
    private final int epochsCompleted;
    private final int epochsPlanned;
    private final double joulesSoFar;
    private final double secondsSoFar;

    public CallForecast(CallStart call, int epochsCompleted, int epochsPlanned, double joulesSoFar, double secondsSoFar) {
        this.call = Objects.requireNonNull(call, "call");
        if (epochsCompleted < 1) {
            throw new IllegalArgumentException("epochsCompleted must be >= 1: " + epochsCompleted);
        }
        if (epochsPlanned < 1) {
            throw new IllegalArgumentException("epochsPlanned must be >= 1: " + epochsPlanned);
        }
        if (!(joulesSoFar >= 0) || !(secondsSoFar >= 0)) {
            throw new IllegalArgumentException("joules and seconds so far must be >= 0: " + joulesSoFar + " J, " + secondsSoFar + " s");
        }
        this.epochsCompleted = epochsCompleted;
        this.epochsPlanned = epochsPlanned;
        this.joulesSoFar = joulesSoFar;
        this.secondsSoFar = secondsSoFar;
    }

    /** Library, model and entry point of the call. */
    public CallStart call() {
        return call;
    }

    public int epochsCompleted() {
        return epochsCompleted;
    }

    public int epochsPlanned() {
        return epochsPlanned;
    }

    /** Energy of the call so far, all components. */
    public double joulesSoFar() {
        return joulesSoFar;
    }

    public double secondsSoFar() {
        return secondsSoFar;
    }

    /** Energy of the whole call, all components; never below {@link #joulesSoFar()}. */
    public double forecastJoules() {
        return joulesSoFar * Math.max(1.0, (double) epochsPlanned / epochsCompleted);
    }

    public double forecastSeconds() {
        return secondsSoFar * Math.max(1.0, (double) epochsPlanned / epochsCompleted);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %.1f J after %d/%d epochs, forecast %.1f J", call, joulesSoFar,
                epochsCompleted, epochsPlanned, forecastJoules());
    }
}
