package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two goals the study reports, pass or fail, from the medians over seeds.
 * <ol>
 *   <li>At 10 % of the data, the best method's accuracy is within 1 percentage point of full data, at no more than
 *       15 % of the full-data energy, selection included.</li>
 *   <li>{@code lightweight} and {@code archetypal} are at least as accurate as {@code uniform} at equal size, on the
 *       larger data set (Fashion-MNIST).</li>
 * </ol>
 */
public final class Goals {

    public static final double GOAL1_FRACTION = 0.10;
    public static final double GOAL1_MAX_DROP = 0.01;
    public static final double GOAL1_MAX_ENERGY_SHARE = 0.15;

    /** Goal 1 for one model. */
    public static final class AccuracyAtTenPercent {
        public final String model;
        public final MedianPoint full;
        public final MedianPoint best;
        public final double drop;
        public final double energyShare;
        public final boolean selectionMeasured;

        AccuracyAtTenPercent(String model, MedianPoint full, MedianPoint best, boolean selectionMeasured) {
            this.model = model;
            this.full = full;
            this.best = best;
            this.drop = best == null || full == null ? Double.NaN : full.accuracy() - best.accuracy();
            this.energyShare = best == null || full == null ? Double.NaN : best.totalJoules() / full.totalJoules();
            this.selectionMeasured = selectionMeasured;
        }

        public boolean accuracyOk() {
            return !Double.isNaN(drop) && drop <= GOAL1_MAX_DROP + 1e-12;
        }

        public boolean energyOk() {
            return !Double.isNaN(energyShare) && energyShare <= GOAL1_MAX_ENERGY_SHARE;
        }

        public boolean passed() {
            return accuracyOk() && energyOk();
        }
    }

    /** Goal 2 for one model, method and fraction: the method's accuracy minus uniform's. */
    public static final class VersusUniform {
        public final String model;
        public final String method;
        public final double fraction;
        public final double delta;

        VersusUniform(String model, String method, double fraction, double delta) {
            this.model = model;
            this.method = method;
            this.fraction = fraction;
            this.delta = delta;
        }

        public boolean passed() {
            return !Double.isNaN(delta) && delta >= -1e-12;
        }
    }

    private final List<AccuracyAtTenPercent> goal1 = new ArrayList<>();
    private final List<VersusUniform> goal2 = new ArrayList<>();
    private final boolean goal2Applies;

    public Goals(List<MedianPoint> points, List<RunResult> results, boolean largerDataSet) {
        this.goal2Applies = largerDataSet;
        List<String> models = new ArrayList<>();
        for (MedianPoint p : points) {
            if (!models.contains(p.modelId())) {
                models.add(p.modelId());
            }
        }
        for (String model : models) {
            MedianPoint full = null;
            MedianPoint best = null;
            for (MedianPoint p : points) {
                if (!p.modelId().equals(model)) {
                    continue;
                }
                if (p.isFull()) {
                    full = p;
                } else if (Math.abs(p.fraction() - GOAL1_FRACTION) < 1e-9
                        && (best == null || p.accuracy() > best.accuracy()
                        || p.accuracy() == best.accuracy() && p.totalJoules() < best.totalJoules())) {
                    best = p;
                }
            }
            if (best != null) {
                final MedianPoint b = best;
                boolean measured = results.stream().filter(r -> r.modelId().equals(model)
                        && r.method().equals(b.method()) && r.fraction() == b.fraction())
                        .allMatch(r -> !Double.isNaN(r.selectionJoules()));
                goal1.add(new AccuracyAtTenPercent(model, full, best, measured));
            }
            if (largerDataSet) {
                for (MedianPoint u : points) {
                    if (!u.modelId().equals(model) || !u.method().equals("uniform")) {
                        continue;
                    }
                    for (MedianPoint p : points) {
                        if (p.modelId().equals(model) && p.fraction() == u.fraction()
                                && (p.method().equals("lightweight") || p.method().equals("archetypal"))) {
                            goal2.add(new VersusUniform(model, p.method(), p.fraction(), p.accuracy() - u.accuracy()));
                        }
                    }
                }
            }
        }
    }

    public List<AccuracyAtTenPercent> goal1() {
        return goal1;
    }

    public List<VersusUniform> goal2() {
        return goal2;
    }

    public boolean goal2Applies() {
        return goal2Applies;
    }

    public boolean goal1Passed() {
        return !goal1.isEmpty() && goal1.stream().allMatch(AccuracyAtTenPercent::passed);
    }

    public boolean goal2Passed() {
        return goal2Applies && !goal2.isEmpty() && goal2.stream().allMatch(VersusUniform::passed);
    }

    /** One line per goal, for the console. */
    public String headline() {
        StringBuilder sb = new StringBuilder();
        if (goal1.isEmpty()) {
            sb.append("Goal 1 (10 % of data: <= 1 pp accuracy drop at <= 15 % energy): not measured (no 10 % runs)\n");
        } else {
            long passed = goal1.stream().filter(AccuracyAtTenPercent::passed).count();
            sb.append(String.format(Locale.ROOT,
                    "Goal 1 (10 %% of data: <= 1 pp accuracy drop at <= 15 %% energy): %s (%d of %d models)%n",
                    goal1Passed() ? "PASS" : "FAIL", passed, goal1.size()));
        }
        if (!goal2Applies) {
            sb.append("Goal 2 (lightweight/archetypal >= uniform on the larger data set): not applicable to this data set\n");
        } else if (goal2.isEmpty()) {
            sb.append("Goal 2 (lightweight/archetypal >= uniform on the larger data set): not measured\n");
        } else {
            long passed = goal2.stream().filter(VersusUniform::passed).count();
            sb.append(String.format(Locale.ROOT,
                    "Goal 2 (lightweight/archetypal >= uniform on the larger data set): %s (%d of %d comparisons)%n",
                    goal2Passed() ? "PASS" : "FAIL", passed, goal2.size()));
        }
        return sb.toString();
    }
}
