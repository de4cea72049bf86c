package io.greentrain.subset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * "Just enough data": train on growing coresets and stop when more data stops paying. This is progressive sampling
 * (Provost, Jensen &amp; Oates 1999, "Efficient Progressive Sampling", KDD): a geometric schedule of sample sizes
 * n_1 &lt; n_2 &lt; ... and a convergence test on the learning curve. Learning curves of accuracy against data size
 * rise steeply, then flatten (a power law until the irreducible error, Hestness et al. 2017), so the rule here is
 * their "local slope" test on the measured curve: after each step the held-out score is compared with the previous
 * step's, and the run stops at the first step whose gain is below {@link #minGain(double)} (default 0.005, half a
 * percentage point of accuracy), or when the schedule ends. The model of the last step is returned, with every step's
 * fraction, size and score, so that the caller (or the agent, which sees every selection and training as its own
 * call) can count the energy of every step, not only the last.
 *
 * <pre>{@code
 * ProgressiveTraining.Result<Model<Label>> r = ProgressiveTraining.schedule(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1)
 *         .run(CoresetSelector.uniform().seed(1), s -> TribuoCoresets.train(trainer, train, s),
 *              m -> accuracyOn(validation, m));
 * }</pre>
 *
 * The held-out score must come from data the coresets are not drawn from (a validation split), or the rule
 * measures memorisation.
 */
public final class ProgressiveTraining {

    /** The default schedule: 1, 2, 5, 10, 20, 50 and 100 % of the rows. */
    public static final double[] DEFAULT_FRACTIONS = {0.01, 0.02, 0.05, 0.10, 0.20, 0.50, 1.0};

    private final double[] fractions;
    private final double minGain;

    private ProgressiveTraining(double[] fractions, double minGain) {
        this.fractions = fractions;
        this.minGain = minGain;
    }

    /** {@link #DEFAULT_FRACTIONS}, min gain 0.005. */
    public static ProgressiveTraining defaults() {
        return schedule(DEFAULT_FRACTIONS);
    }

    /**
     * A schedule of strictly increasing fractions in (0, 1].
     *
     * @throws IllegalArgumentException naming the first fraction that is out of range or not above its predecessor
     */
    public static ProgressiveTraining schedule(double... fractions) {
        Objects.requireNonNull(fractions, "fractions");
        if (fractions.length == 0) {
            throw new IllegalArgumentException("the schedule has no fractions");
        }
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] > 0 && fractions[i] <= 1)) {
                throw new IllegalArgumentException("fraction[" + i + "] = " + fractions[i] + " is not in (0, 1]");
            }
            if (i > 0 && !(fractions[i] > fractions[i - 1])) {
                throw new IllegalArgumentException("fraction[" + i + "] = " + fractions[i]
                        + " does not grow from fraction[" + (i - 1) + "] = " + fractions[i - 1]);
            }
        }
        return new ProgressiveTraining(fractions.clone(), 0.005);
    }

    /**
     * Stops at the first step whose held-out score rose by less than {@code gain} over the previous step.
     *
     * @throws IllegalArgumentException if the gain is negative or not finite
     */
    public ProgressiveTraining minGain(double gain) {
        if (!(gain >= 0 && Double.isFinite(gain))) {
            throw new IllegalArgumentException("minGain = " + gain + " must be a finite number >= 0");
        }
        return new ProgressiveTraining(fractions, gain);
    }

    public double[] fractions() {
        return fractions.clone();
    }

    public double minGain() {
        return minGain;
    }

    /**
     * Runs the schedule: for each fraction f, {@code train} gets {@code selector.fraction(f)} and returns a model,
     * {@code heldOut} scores it (higher is better); stops by the rule above.
     *
     * @throws IllegalArgumentException if a score is not finite (naming the step)
     */
    public <M> Result<M> run(CoresetSelector selector, Function<CoresetSelector, M> train, ToDoubleFunction<M> heldOut) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(heldOut, "heldOut");
        List<Step> steps = new ArrayList<>();
        M model = null;
        for (double f : fractions) {
            model = train.apply(selector.fraction(f));
            double score = heldOut.applyAsDouble(model);
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("held-out score = " + score + " at fraction " + f
                        + " is not finite");
            }
            steps.add(new Step(f, score));
            if (steps.size() > 1 && score - steps.get(steps.size() - 2).score() < minGain) {
                return new Result<>(model, steps, true);
            }
        }
        return new Result<>(model, steps, false);
    }

    @Override
    public String toString() {
        return "ProgressiveTraining" + Arrays.toString(fractions) + ", minGain=" + minGain;
    }

    /** One step of the schedule: its fraction of the rows and the held-out score of its model. */
    public static final class Step {
        private final double fraction;
        private final double score;

        Step(double fraction, double score) {
            this.fraction = fraction;
            this.score = score;
        }

        public double fraction() {
            return fraction;
        }

        public double score() {
            return score;
        }

        @Override
        public String toString() {
            return fraction + ": " + score;
        }
    }

    /**
     * The model of the last step, every step, and whether the gain rule stopped the run before the schedule's end.
     */
    public static final class Result<M> {
        private final M model;
        private final List<Step> steps;
        private final boolean converged;

        Result(M model, List<Step> steps, boolean converged) {
            this.model = model;
            this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
            this.converged = converged;
        }

        public M model() {
            return model;
        }

        public List<Step> steps() {
            return steps;
        }

        public boolean converged() {
            return converged;
        }

        /** The fraction of the last step. */
        public double finalFraction() {
            return steps.get(steps.size() - 1).fraction();
        }
    }
}
