package io.greentrain.examples.tradeoff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The Markdown summary of a study: medians per cell, the Pareto front per model, and the two goals. */
public final class StudyReport {

    private final List<RunResult> results;
    private final List<MedianPoint> points;
    private final Goals goals;
    private final boolean gramsKnown;

    public StudyReport(List<RunResult> results, List<String> methodOrder, boolean largerDataSet) {
        this.results = results;
        this.points = MedianPoint.of(results, methodOrder);
        this.goals = new Goals(points, results, largerDataSet);
        this.gramsKnown = points.stream().anyMatch(p -> !Double.isNaN(p.grams()));
    }

    public List<MedianPoint> points() {
        return points;
    }

    public Goals goals() {
        return goals;
    }

    /** True if the records carried grams CO2e; otherwise costs are in joules. */
    public boolean gramsKnown() {
        return gramsKnown;
    }

    public ToDoubleFunction<MedianPoint> cost() {
        return gramsKnown ? MedianPoint::grams : MedianPoint::totalJoules;
    }

    public String costName() {
        return gramsKnown ? "g CO2e" : "J";
    }

    public String markdown(String title, List<String> context) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        for (String line : context) {
            md.append(line).append("\n");
        }
        md.append("\n## Goals\n\n");
        md.append(goalsMarkdown());
        md.append("\n## Medians over seeds\n\n");
        md.append("Accuracy on the held-out test split; joules and grams CO2e from the GreenTrain agent's per-call "
                + "records. *Selection* covers choosing the subset (and, for el2n, scoring the rows with a proxy "
                + "model); *% of full* is (selection + training) / full-data training energy.\n\n");
        md.append("| model | method | fraction | rows | runs | accuracy | Δ vs full (pp) | selection s | selection J "
                + "| training s | training J | % of full energy | g CO2e |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MedianPoint p : points) {
            MedianPoint full = fullOf(p.modelId());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %d | %.4f | %s | %s | %s | %s | %s | %s | %s |%n",
                    p.modelId(), p.method(), pct(p.fraction()), p.rowsUsed(), p.runs(), p.accuracy(),
                    full == null || p.isFull() ? "" : signed((p.accuracy() - full.accuracy()) * 100),
                    fmt(p.selectionSeconds()), fmt(p.selectionJoules()), fmt(p.trainingSeconds()),
                    fmt(p.trainingJoules()),
                    full == null ? "" : percent(p.totalJoules() / full.totalJoules()),
                    fmt(p.grams())));
        }
        md.append("\n## Pareto front: accuracy against ").append(costName()).append("\n\n");
        md.append("Per model, the (method, fraction) medians that no other point beats on both accuracy and ")
                .append(costName()).append(", cheapest first.\n\n");
        md.append("| model | method | fraction | accuracy | ").append(costName()).append(" | % of full energy |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (String model : models()) {
            List<MedianPoint> mine = new ArrayList<>();
            for (MedianPoint p : points) {
                if (p.modelId().equals(model)) {
                    mine.add(p);
                }
            }
            MedianPoint full = fullOf(model);
            for (MedianPoint p : ParetoFront.of(mine, cost())) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s |%n", model, p.method(),
                        pct(p.fraction()), p.accuracy(), fmt(cost().applyAsDouble(p)),
                        full == null ? "" : percent(p.totalJoules() / full.totalJoules())));
            }
        }
        return md.toString();
    }

    public String goalsMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("**Goal 1** — at 10 % of the data, the best method's accuracy within 1 percentage point of full data, "
                + "at ≤ 15 % of full-data energy including selection: **")
                .append(goals.goal1().isEmpty() ? "not measured" : goals.goal1Passed() ? "PASS" : "FAIL")
                .append("**\n\n");
        if (!goals.goal1().isEmpty()) {
            md.append("| model | best method at 10 % | accuracy | full-data accuracy | drop (pp) | energy vs full "
                    + "| accuracy ≤ 1 pp | energy ≤ 15 % |\n");
            md.append("|---|---|---:|---:|---:|---:|---|---|\n");
            for (Goals.AccuracyAtTenPercent g : goals.goal1()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %s | %s%s | %s | %s |%n", g.model,
                        g.best.method(), g.best.accuracy(), g.full == null ? "" : String.format(Locale.ROOT, "%.4f",
                                g.full.accuracy()), fmt(g.drop * 100),
                        percent(g.energyShare), g.selectionMeasured ? "" : " (selection unmeasured)",
                        g.accuracyOk() ? "pass" : "**fail** by " + fmt((g.drop - Goals.GOAL1_MAX_DROP) * 100) + " pp",
                        g.energyOk() ? "pass" : Double.isNaN(g.energyShare) ? "**fail** (not measured)"
                                : "**fail** by " + fmt((g.energyShare - Goals.GOAL1_MAX_ENERGY_SHARE) * 100)
                                + " points"));
            }
        }
        md.append("\n**Goal 2** — `lightweight` and `archetypal` at least as accurate as `uniform` at equal size on the "
                + "larger data set: **");
        if (!goals.goal2Applies()) {
            md.append("not applicable** (this run is not on Fashion-MNIST)\n");
            return md.toString();
        }
        md.append(goals.goal2().isEmpty() ? "not measured" : goals.goal2Passed() ? "PASS" : "FAIL").append("**\n\n");
        if (!goals.goal2().isEmpty()) {
            md.append("| model | method | fraction | accuracy − uniform (pp) | result |\n");
            md.append("|---|---|---:|---:|---|\n");
            for (Goals.VersusUniform v : goals.goal2()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", v.model, v.method,
                        pct(v.fraction), signed(v.delta * 100), v.passed() ? "pass" : "**fail**"));
            }
        }
        return md.toString();
    }

    public void write(Path file, String title, List<String> context) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown(title, context), StandardCharsets.UTF_8);
    }

    private List<String> models() {
        Set<String> models = new LinkedHashSet<>();
        for (MedianPoint p : points) {
            models.add(p.modelId());
        }
        return new ArrayList<>(models);
    }

    MedianPoint fullOf(String model) {
        for (MedianPoint p : points) {
            if (p.modelId().equals(model) && p.isFull()) {
                return p;
            }
        }
        return null;
    }

    static String pct(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    static String percent(double share) {
        String f = fmt(share * 100);
        return f.isEmpty() ? "not measured" : f + " %";
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.2f", v);
    }

    /** Three significant digits, no exponent for everyday magnitudes; empty for NaN. */
    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.001) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
