package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The study's goals (issue 16), evaluated on the medians over seeds of per-seed figures; every energy figure is a
 * ratio of one seed's run to the same seed's full-data run.
 *
 * <ol>
 *   <li>Per model, a (method, fraction) of the grid (not progressive) within 1 pp of full-data accuracy at ≤ 25 % of full energy, selection
 *       included; passes for ≥ 3 of 5 models.</li>
 *   <li>Per model, a model-aware method at 1 to 5 % of the data at least 1 pp more accurate than {@code uniform} at
 *       equal energy: uniform's median accuracy interpolated (linearly in log energy share) at the method's median
 *       energy share, or uniform's cheapest point if the method costs less than all of uniform's; ≥ 3 of 5 models.</li>
 *   <li>The progressive mode ends within 1 pp of that seed's full-data accuracy at ≤ 40 % of its energy in ≥ 80 %
 *       of (model, seed) runs.</li>
 * </ol>
 */
public final class Goals {

    public static final double MAX_DROP = 0.01;
    public static final double GOAL1_MAX_SHARE = 0.25;
    public static final double GOAL2_MIN_GAIN = 0.01;
    public static final double GOAL2_MAX_FRACTION = 0.05;
    public static final double GOAL3_MAX_SHARE = 0.40;
    public static final double GOAL3_MIN_RATE = 0.80;
    public static final int MODELS_NEEDED = 3;
    public static final List<String> MODEL_AWARE = List.of("sensitivity", "ccs", "moderate", "goss", "el2n");

    /** Goal 1 for one model: the most accurate cell within the energy budget. */
    public static final class Budgeted {
        public final String model;
        public final MedianPoint full;
        public final MedianPoint best;

        Budgeted(String model, MedianPoint full, MedianPoint best) {
            this.model = model;
            this.full = full;
            this.best = best;
        }

        public double drop() {
            return best == null ? Double.NaN : full.accuracy() - best.accuracy();
        }

        public boolean passed() {
            return best != null && drop() <= MAX_DROP + 1e-12;
        }
    }

    /** Goal 2 for one model: the best model-aware gain over uniform at equal energy. */
    public static final class VersusUniform {
        public final String model;
        public final MedianPoint best;
        public final double uniformAccuracy;

        VersusUniform(String model, MedianPoint best, double uniformAccuracy) {
            this.model = model;
            this.best = best;
            this.uniformAccuracy = uniformAccuracy;
        }

        public double gain() {
            return best == null ? Double.NaN : best.accuracy() - uniformAccuracy;
        }

        public boolean passed() {
            return best != null && gain() >= GOAL2_MIN_GAIN - 1e-12;
        }
    }

    /** Goal 3 for one model: how many seeds the progressive run ended within the accuracy and energy bounds. */
    public static final class Progressive {
        public final String model;
        public final int runs;
        public final int accurate;
        public final int cheap;
        public final int both;
        public final List<Double> finalFractions;

        Progressive(String model, int runs, int accurate, int cheap, int both, List<Double> finalFractions) {
            this.model = model;
            this.runs = runs;
            this.accurate = accurate;
            this.cheap = cheap;
            this.both = both;
            this.finalFractions = finalFractions;
        }
    }

    private final List<Budgeted> goal1 = new ArrayList<>();
    private final List<VersusUniform> goal2 = new ArrayList<>();
    private final List<Progressive> goal3 = new ArrayList<>();

    public Goals(List<MedianPoint> points, List<RunResult> results) {
        for (String model : models(points)) {
            MedianPoint full = find(points, model, RunResult.FULL, 1.0);
            if (full == null) {
                continue;
            }
            MedianPoint best = null;
            for (MedianPoint p : points) {
                // progressive runs end at different fractions per seed, so a cell of theirs is not a grid point;
                // goal 3 judges them run by run
                if (p.modelId().equals(model) && !p.isFull() && !p.method().equals(StudySettings.PROGRESSIVE)
                        && p.energyShare() <= GOAL1_MAX_SHARE
                        && (best == null || p.accuracy() > best.accuracy())) {
                    best = p;
                }
            }
            goal1.add(new Budgeted(model, full, best));
            List<MedianPoint> uniform = new ArrayList<>();
            for (MedianPoint p : points) {
                if (p.modelId().equals(model) && p.method().equals("uniform")) {
                    uniform.add(p);
                }
            }
            if (!uniform.isEmpty()) {
                MedianPoint bestAware = null;
                double bestGain = Double.NEGATIVE_INFINITY;
                double bestUniform = Double.NaN;
                for (MedianPoint p : points) {
                    if (p.modelId().equals(model) && MODEL_AWARE.contains(p.method())
                            && p.fraction() <= GOAL2_MAX_FRACTION + 1e-12) {
                        double u = uniformAt(uniform, p.energyShare());
                        if (p.accuracy() - u > bestGain) {
                            bestGain = p.accuracy() - u;
                            bestAware = p;
                            bestUniform = u;
                        }
                    }
                }
                if (bestAware != null) {
                    goal2.add(new VersusUniform(model, bestAware, bestUniform));
                }
            }
            Progressive progressive = progressive(model, results);
            if (progressive != null) {
                goal3.add(progressive);
            }
        }
    }

    /** Uniform's median accuracy at an energy share, linear in log share between its points. */
    static double uniformAt(List<MedianPoint> uniform, double share) {
        List<MedianPoint> sorted = new ArrayList<>(uniform);
        sorted.removeIf(p -> !(p.energyShare() > 0));
        sorted.sort((a, b) -> Double.compare(a.energyShare(), b.energyShare()));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        if (!(share > sorted.get(0).energyShare())) {
            return sorted.get(0).accuracy();
        }
        for (int i = 1; i < sorted.size(); i++) {
            MedianPoint a = sorted.get(i - 1);
            MedianPoint b = sorted.get(i);
            if (share <= b.energyShare()) {
                double t = (Math.log(share) - Math.log(a.energyShare()))
                        / (Math.log(b.energyShare()) - Math.log(a.energyShare()));
                return a.accuracy() + t * (b.accuracy() - a.accuracy());
            }
        }
        return sorted.get(sorted.size() - 1).accuracy();
    }

    private static Progressive progressive(String model, List<RunResult> results) {
        int runs = 0;
        int accurate = 0;
        int cheap = 0;
        int both = 0;
        List<Double> fractions = new ArrayList<>();
        for (RunResult r : results) {
            if (!r.modelId().equals(model) || !r.method().equals(StudySettings.PROGRESSIVE)) {
                continue;
            }
            RunResult full = null;
            for (RunResult f : results) {
                if (f.isFull() && f.modelId().equals(model) && f.seed() == r.seed()) {
                    full = f;
                }
            }
            if (full == null) {
                continue;
            }
            runs++;
            boolean a = full.accuracy() - r.accuracy() <= MAX_DROP + 1e-12;
            boolean c = r.totalJoulesMeasured() / full.totalJoulesMeasured() <= GOAL3_MAX_SHARE;
            accurate += a ? 1 : 0;
            cheap += c ? 1 : 0;
            both += a && c ? 1 : 0;
            fractions.add(r.fraction());
        }
        return runs == 0 ? null : new Progressive(model, runs, accurate, cheap, both, fractions);
    }

    static MedianPoint find(List<MedianPoint> points, String model, String method, double fraction) {
        for (MedianPoint p : points) {
            if (p.modelId().equals(model) && p.method().equals(method) && Math.abs(p.fraction() - fraction) < 1e-9) {
                return p;
            }
        }
        return null;
    }

    static List<String> models(List<MedianPoint> points) {
        Set<String> models = new LinkedHashSet<>();
        for (MedianPoint p : points) {
            models.add(p.modelId());
        }
        return new ArrayList<>(models);
    }

    public List<Budgeted> goal1() {
        return goal1;
    }

    public List<VersusUniform> goal2() {
        return goal2;
    }

    public List<Progressive> goal3() {
        return goal3;
    }

    public long goal1Passes() {
        return goal1.stream().filter(Budgeted::passed).count();
    }

    public long goal2Passes() {
        return goal2.stream().filter(VersusUniform::passed).count();
    }

    public boolean goal1Passed() {
        return goal1Passes() >= MODELS_NEEDED;
    }

    public boolean goal2Passed() {
        return goal2Passes() >= MODELS_NEEDED;
    }

    public int goal3Runs() {
        return goal3.stream().mapToInt(p -> p.runs).sum();
    }

    public int goal3Both() {
        return goal3.stream().mapToInt(p -> p.both).sum();
    }

    public boolean goal3Passed() {
        return goal3Runs() > 0 && goal3Both() >= GOAL3_MIN_RATE * goal3Runs() - 1e-9;
    }

    /** One line per goal, for the console. */
    public String headline() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Goal 1 (<= 1 pp accuracy drop at <= 25 %% energy, >= 3 models): %s%n",
                goal1.isEmpty() ? "not measured" : (goal1Passed() ? "PASS" : "FAIL") + " (" + goal1Passes()
                        + " of " + goal1.size() + " models)"));
        sb.append(String.format(Locale.ROOT, "Goal 2 (model-aware >= uniform + 1 pp at equal energy, 1-5 %% of data, "
                + ">= 3 models): %s%n", goal2.isEmpty() ? "not measured" : (goal2Passed() ? "PASS" : "FAIL") + " ("
                + goal2Passes() + " of " + goal2.size() + " models)"));
        sb.append(String.format(Locale.ROOT, "Goal 3 (progressive within 1 pp at <= 40 %% energy in >= 80 %% of "
                + "runs): %s%n", goal3.isEmpty() ? "not measured" : (goal3Passed() ? "PASS" : "FAIL") + " ("
                + goal3Both() + " of " + goal3Runs() + " runs)"));
        return sb.toString();
    }
}
