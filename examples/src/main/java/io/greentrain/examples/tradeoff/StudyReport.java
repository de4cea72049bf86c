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

    public StudyReport(List<RunResult> results, List<String> methodOrder) {
        this.results = results;
        this.points = MedianPoint.of(results, methodOrder);
        this.goals = new Goals(points, results);
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
        md.append("\nEvery energy share is computed per seed (a run's selection + training joules over the same seed's "
                + "full-data training joules) and shown as the median over seeds with [min–max]; accuracies are "
                + "medians over seeds with [min–max]. A warm-up pass ran first and is not in the tables; runs went in "
                + "a seeded random order within each seed.\n");
        md.append("\n## Goals\n\n");
        md.append(goalsMarkdown());
        md.append("\n## Selection cost (selection + proxy scoring, % of full-data training energy)\n\n");
        md.append(selectionMarkdown());
        md.append("\n## Learning curves and the smallest fraction within 1 pp of full accuracy\n\n");
        md.append(learningCurveMarkdown());
        md.append("\n## Every cell: medians over seeds [min–max]\n\n");
        md.append("| model | method | fraction | rows | runs | accuracy [min–max] | Δ vs full (pp) | selection J "
                + "| training J | % of full energy [min–max] | g CO2e |\n");
        md.append("|---|---|---:|---:|---:|---|---:|---:|---:|---|---:|\n");
        for (MedianPoint p : points) {
            MedianPoint full = fullOf(p.modelId());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %d | %s | %s | %s | %s | %s | %s |%n",
                    p.modelId(), p.method(), pct(p.fraction()), p.rowsUsed(), p.runs(), accuracySpread(p),
                    full == null || p.isFull() ? "" : signed((p.accuracy() - full.accuracy()) * 100),
                    fmt(p.selectionJoules()), fmt(p.trainingJoules()), shareSpread(p), fmt(p.grams())));
        }
        md.append("\n## Pareto front: accuracy against ").append(costName()).append("\n\n");
        md.append("Per model, the (method, fraction) medians that no other point beats on both accuracy and ")
                .append(costName()).append(", cheapest first.\n\n");
        md.append("| model | method | fraction | accuracy | ").append(costName()).append(" | % of full energy |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        for (String model : models()) {
            List<MedianPoint> mine = new ArrayList<>();
            for (MedianPoint p : points) {
                if (p.modelId().equals(model)) {
                    mine.add(p);
                }
            }
            for (MedianPoint p : ParetoFront.of(mine, cost())) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s |%n", model, p.method(),
                        pct(p.fraction()), p.accuracy(), fmt(cost().applyAsDouble(p)), shareSpread(p)));
            }
        }
        return md.toString();
    }

    static String accuracySpread(MedianPoint p) {
        return String.format(Locale.ROOT, "%.4f [%.4f–%.4f]", p.accuracy(), p.accuracyMin(), p.accuracyMax());
    }

    static String shareSpread(MedianPoint p) {
        if (Double.isNaN(p.energyShare())) {
            return "not measured";
        }
        return percent(p.energyShare()) + " [" + fmt(p.energyShareMin() * 100) + "–" + fmt(p.energyShareMax() * 100)
                + "]";
    }

    public String goalsMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("**Goal 1** — within 1 pp of full-data accuracy at ≤ 25 % of full energy, selection included, for "
                + "≥ 3 of 5 models: **").append(goals.goal1().isEmpty() ? "not measured"
                : (goals.goal1Passed() ? "PASS" : "FAIL") + "** (" + goals.goal1Passes() + " of "
                + goals.goal1().size() + " models)").append(goals.goal1().isEmpty() ? "**" : "").append("\n\n");
        if (!goals.goal1().isEmpty()) {
            md.append("| model | most accurate cell at ≤ 25 % energy | accuracy [min–max] | full-data accuracy "
                    + "[min–max] | drop (pp) | energy vs full [min–max] | result |\n");
            md.append("|---|---|---|---|---:|---|---|\n");
            for (Goals.Budgeted g : goals.goal1()) {
                if (g.best == null) {
                    md.append("| ").append(g.model).append(" | none | | ").append(accuracySpread(g.full))
                            .append(" | | | **fail** |\n");
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s | %s | %s |%n", g.model,
                        g.best.method(), pct(g.best.fraction()), accuracySpread(g.best), accuracySpread(g.full),
                        fmt(g.drop() * 100), shareSpread(g.best), g.passed() ? "pass"
                                : "**fail** by " + fmt((g.drop() - Goals.MAX_DROP) * 100) + " pp"));
            }
        }
        md.append("\n**Goal 2** — a model-aware method ≥ 1 pp more accurate than `uniform` at equal energy, at 1 to "
                + "5 % of the data, for ≥ 3 of 5 models (uniform's accuracy interpolated at the method's energy share): **")
                .append(goals.goal2().isEmpty() ? "not measured**" : (goals.goal2Passed() ? "PASS" : "FAIL") + "** ("
                        + goals.goal2Passes() + " of " + goals.goal2().size() + " models)").append("\n\n");
        if (!goals.goal2().isEmpty()) {
            md.append("| model | best model-aware cell | accuracy [min–max] | energy vs full [min–max] "
                    + "| uniform at that energy | gain (pp) | result |\n");
            md.append("|---|---|---|---|---:|---:|---|\n");
            for (Goals.VersusUniform v : goals.goal2()) {
                md.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %.4f | %s | %s |%n", v.model,
                        v.best.method(), pct(v.best.fraction()), accuracySpread(v.best), shareSpread(v.best),
                        v.uniformAccuracy, signed(v.gain() * 100), v.passed() ? "pass" : "**fail**"));
            }
        }
        md.append("\n**Goal 3** — the progressive mode ends within 1 pp of full accuracy at ≤ 40 % of full energy in "
                + "≥ 80 % of runs: **").append(goals.goal3().isEmpty() ? "not measured**"
                : (goals.goal3Passed() ? "PASS" : "FAIL") + "** (" + goals.goal3Both() + " of " + goals.goal3Runs()
                + " model-seed runs)").append("\n\n");
        if (!goals.goal3().isEmpty()) {
            md.append("| model | runs | within 1 pp | ≤ 40 % energy | both | final fractions |\n");
            md.append("|---|---:|---:|---:|---:|---|\n");
            for (Goals.Progressive g : goals.goal3()) {
                List<String> f = new ArrayList<>();
                for (double x : g.finalFractions) {
                    f.add(pct(x));
                }
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |%n", g.model, g.runs,
                        g.accurate, g.cheap, g.both, String.join(", ", f)));
            }
        }
        return md.toString();
    }

    /** Median selection share per method and model, with the 2 % budget of issue 16 marked. */
    public String selectionMarkdown() {
        List<String> methods = new ArrayList<>();
        for (MedianPoint p : points) {
            if (!p.isFull() && !methods.contains(p.method())) {
                methods.add(p.method());
            }
        }
        StringBuilder md = new StringBuilder("Median over seeds and fractions of selection (+ scoring) joules / the "
                + "same seed's full-data training joules; the budget is 2 %.\n\n| method |");
        List<String> models = models();
        for (String m : models) {
            md.append(' ').append(m).append(" |");
        }
        md.append("\n|---|");
        for (int i = 0; i < models.size(); i++) {
            md.append("---:|");
        }
        md.append('\n');
        for (String method : methods) {
            md.append("| ").append(method).append(" |");
            for (String model : models) {
                List<Double> shares = new ArrayList<>();
                for (MedianPoint p : points) {
                    if (p.modelId().equals(model) && p.method().equals(method) && !Double.isNaN(p.selectionShare())) {
                        shares.add(p.selectionShare());
                    }
                }
                double share = MedianPoint.median(shares.stream().mapToDouble(Double::doubleValue).toArray());
                md.append(' ').append(Double.isNaN(share) ? "" : percent(share) + (share > 0.02 ? " (over)" : ""))
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Per model: median accuracy per method and fraction, and the smallest fraction within 1 pp of full data. */
    public String learningCurveMarkdown() {
        List<Double> fractions = new ArrayList<>();
        for (MedianPoint p : points) {
            if (!p.isFull() && !p.method().equals(StudySettings.PROGRESSIVE) && !fractions.contains(p.fraction())) {
                fractions.add(p.fraction());
            }
        }
        fractions.sort(Double::compare);
        StringBuilder md = new StringBuilder("| model | method |");
        for (double f : fractions) {
            md.append(' ').append(pct(f)).append(" |");
        }
        md.append(" 100 % | smallest fraction within 1 pp (energy vs full) |\n|---|---|");
        for (int i = 0; i <= fractions.size(); i++) {
            md.append("---:|");
        }
        md.append("---|\n");
        for (String model : models()) {
            MedianPoint full = fullOf(model);
            List<String> methods = new ArrayList<>();
            for (MedianPoint p : points) {
                if (p.modelId().equals(model) && !p.isFull() && !p.method().equals(StudySettings.PROGRESSIVE)
                        && !methods.contains(p.method())) {
                    methods.add(p.method());
                }
            }
            for (String method : methods) {
                md.append("| ").append(model).append(" | ").append(method).append(" |");
                MedianPoint enough = null;
                for (double f : fractions) {
                    MedianPoint p = Goals.find(points, model, method, f);
                    md.append(' ').append(p == null ? "" : String.format(Locale.ROOT, "%.4f", p.accuracy()))
                            .append(" |");
                    if (enough == null && p != null && full != null
                            && full.accuracy() - p.accuracy() <= Goals.MAX_DROP + 1e-12) {
                        enough = p;
                    }
                }
                md.append(' ').append(full == null ? "" : String.format(Locale.ROOT, "%.4f", full.accuracy()))
                        .append(" | ").append(enough == null ? "none below 100 %" : pct(enough.fraction()) + " ("
                                + shareSpread(enough) + ")").append(" |\n");
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
