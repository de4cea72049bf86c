package io.greentrain.subset;

/**
 * How weights are turned into repeated rows for trainers that take no per-example weights (DL4J networks, most of
 * Smile, Tribuo trainers without {@code WeightedExamples}). Both are unbiased: row i of a coreset with weights w
 * appears E[c_i] = M·w_i/Σw times among M resampled rows, so the mean loss over the resampled rows has expectation
 * Σ w_i ℓ_i / Σ w — the weighted mean loss.
 */
public enum Resampling {

    /**
     * Systematic resampling ("replication"): one uniform offset u, positions (u + k)·Σw/M for k &lt; M; each row appears
     * ⌊M·w_i/Σw⌋ or ⌈M·w_i/Σw⌉ times — the lowest variance, the default.
     */
    SYSTEMATIC,

    /** M i.i.d. draws with probability w_i/Σw (multinomial): independent draws, more variance. */
    MULTINOMIAL
}
