package io.greentrain.examples.tradeoff;

import java.util.List;

import io.greentrain.examples.jobs.Trainer;

/** What the study runs: models, methods, fractions, seeds, the proxy's effort and the progressive schedule. */
public final class StudySettings {

    /** uniform, the model-aware methods, and the progressive mode. */
    public static final List<String> ALL_METHODS = List.of("uniform", "sensitivity", "ccs", "moderate", "goss",
            "progressive");
    public static final List<String> QUICK_METHODS = List.of("uniform", "sensitivity", "ccs", "progressive");
    public static final List<Double> QUICK_FRACTIONS = List.of(0.05, 0.10, 0.25, 1.0);
    public static final List<Double> FULL_FRACTIONS = List.of(0.01, 0.02, 0.05, 0.10, 0.25, 1.0);
    /** The method name of the progressive ("just enough data") runs. */
    public static final String PROGRESSIVE = "progressive";

    final List<Trainer> trainers;
    final List<String> methods;
    final List<Double> fractions;
    final List<Long> seeds;
    /** Share of the rows the proxy of the score-based methods trains on (one epoch). */
    final double proxyFraction;
    /** The progressive schedule and its stopping threshold (held-out accuracy gain per step). */
    final double[] progressiveFractions;
    final double progressiveMinGain;
    /** Seed of the run order shuffle. */
    final long orderSeed;

    public StudySettings(List<Trainer> trainers, List<String> methods, List<Double> fractions, List<Long> seeds,
                         double proxyFraction, double[] progressiveFractions, double progressiveMinGain,
                         long orderSeed) {
        this.trainers = List.copyOf(trainers);
        this.methods = List.copyOf(methods);
        this.fractions = List.copyOf(fractions);
        this.seeds = List.copyOf(seeds);
        this.proxyFraction = proxyFraction;
        this.progressiveFractions = progressiveFractions.clone();
        this.progressiveMinGain = progressiveMinGain;
        this.orderSeed = orderSeed;
    }

    /** Fractions below 1 (a fraction of 1 is the full-data run, which needs no selection). */
    List<Double> subsetFractions() {
        return fractions.stream().filter(f -> f < 1.0).toList();
    }

    /** The selection methods of the grid (all but progressive). */
    List<String> selectionMethods() {
        return methods.stream().filter(m -> !m.equals(PROGRESSIVE)).toList();
    }

    boolean includesProgressive() {
        return methods.contains(PROGRESSIVE);
    }

    /** Training runs in the grid (the unit of the progress bar); every seed has its full-data runs. */
    int totalRuns() {
        int perSeed = trainers.size() * (selectionMethods().size() * subsetFractions().size() + 1
                + (includesProgressive() ? 1 : 0));
        return perSeed * seeds.size();
    }
}
