package io.greentrain.examples.tradeoff;

import java.util.List;

import io.greentrain.examples.jobs.Trainer;

/** What the study runs: models, methods, fractions, seeds, and the EL2N proxy's effort. */
public final class StudySettings {

    public static final List<String> ALL_METHODS = List.of("uniform", "stratified", "lightweight", "archetypal",
            "kcenter", "el2n");
    public static final List<Double> QUICK_FRACTIONS = List.of(0.05, 0.10, 0.25, 1.0);
    public static final List<Double> FULL_FRACTIONS = List.of(0.01, 0.05, 0.10, 0.25, 0.50, 1.0);

    final List<Trainer> trainers;
    final List<String> methods;
    final List<Double> fractions;
    final List<Long> seeds;
    final int el2nProxies;
    final int el2nEpochs;
    final double el2nSkipHardest;

    public StudySettings(List<Trainer> trainers, List<String> methods, List<Double> fractions, List<Long> seeds,
                         int el2nProxies, int el2nEpochs, double el2nSkipHardest) {
        this.trainers = List.copyOf(trainers);
        this.methods = List.copyOf(methods);
        this.fractions = List.copyOf(fractions);
        this.seeds = List.copyOf(seeds);
        this.el2nProxies = el2nProxies;
        this.el2nEpochs = el2nEpochs;
        this.el2nSkipHardest = el2nSkipHardest;
    }

    /** Fractions below 1 (a fraction of 1 is the full-data run, which needs no selection). */
    List<Double> subsetFractions() {
        return fractions.stream().filter(f -> f < 1.0).toList();
    }

    boolean includesFull() {
        return fractions.stream().anyMatch(f -> f >= 1.0);
    }

    /** Training runs in the grid (the unit of the progress bar). */
    int totalRuns() {
        int perSeed = trainers.size() * (methods.size() * subsetFractions().size() + (includesFull() ? 1 : 0));
        return perSeed * seeds.size();
    }
}
