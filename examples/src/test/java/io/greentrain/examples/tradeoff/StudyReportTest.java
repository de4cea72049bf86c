package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Medians, Pareto front, goals, CSV and plot on synthetic results. */
class StudyReportTest {

    @TempDir
    Path dir;

    static final List<String> METHODS = List.of("uniform", "ccs", "sensitivity", "progressive");

    /**
     * Model a: full 0.90 at 100, 200, 300 J (seeds 1-3). Its uniform 10 % costs 10, 10, 90 J: per-seed shares 10 %,
     * 5 %, 30 % (median 10 %), while a ratio of medians would say 10/200 = 5 %. Model b: full 0.80 at 1000 J; uniform
     * 1 % at 1 % energy (0.60), uniform 10 % at 10 % (0.70), ccs 5 % at 3.162 % (0.67: uniform there is 0.65).
     */
    static List<RunResult> synthetic() {
        List<RunResult> rs = new ArrayList<>();
        double[] aFull = {100, 200, 300};
        double[] aUniform = {10, 10, 90};
        double[] aProgressiveAccuracy = {0.895, 0.85, 0.899};
        for (long seed = 1; seed <= 3; seed++) {
            int k = (int) seed - 1;
            double jitter = (seed - 2) * 0.001;
            rs.add(RunResult.of("x", "a", "full", 1.0, seed, 0.90, 0, aFull[k], 0.01));
            rs.add(RunResult.of("x", "a", "uniform", 0.1, seed, 0.895 + jitter, 0, aUniform[k], 0.0011));
            rs.add(RunResult.of("x", "a", "sensitivity", 0.05, seed, 0.85 + jitter, 1, 4, 0.0005));
            rs.add(RunResult.of("x", "a", "progressive", 0.2, seed, aProgressiveAccuracy[k], 1, 0.3 * aFull[k], 0.1));
            rs.add(RunResult.of("y", "b", "full", 1.0, seed, 0.80 + jitter, 0, 1000, 0.1));
            rs.add(RunResult.of("y", "b", "uniform", 0.01, seed, 0.60 + jitter, 0, 10, 0.001));
            rs.add(RunResult.of("y", "b", "uniform", 0.1, seed, 0.70 + jitter, 0, 100, 0.01));
            rs.add(RunResult.of("y", "b", "ccs", 0.05, seed, 0.67 + jitter, 20, Math.sqrt(10 * 100) - 20, 0.003));
        }
        for (RunResult r : rs) {
            r.trainingComponentJoules.put("cpu", r.trainingJoules);
            r.trainingComponentSource.put("cpu", "estimate");
            r.zone = "FR";
        }
        return rs;
    }

    private static MedianPoint point(List<MedianPoint> points, String model, String method, double fraction) {
        return Goals.find(points, model, method, fraction);
    }

    @Test
    void energySharesAreRatiosPerSeedWithTheirSpread() {
        List<MedianPoint> points = MedianPoint.of(synthetic(), METHODS);
        MedianPoint full = points.get(0);
        assertThat(full.modelId()).isEqualTo("x/a");
        assertThat(full.isFull()).isTrue();
        assertThat(full.runs()).isEqualTo(3);
        MedianPoint uniform = point(points, "x/a", "uniform", 0.1);
        assertThat(uniform.energyShare()).isCloseTo(0.10, within(1e-12));
        assertThat(uniform.energyShareMin()).isCloseTo(0.05, within(1e-12));
        assertThat(uniform.energyShareMax()).isCloseTo(0.30, within(1e-12));
        assertThat(uniform.accuracyMin()).isCloseTo(0.894, within(1e-12));
        assertThat(uniform.accuracyMax()).isCloseTo(0.896, within(1e-12));
        assertThat(point(points, "y/b", "ccs", 0.05).selectionShare()).isCloseTo(0.02, within(1e-12));
        assertThat(MedianPoint.median(3, 1, Double.NaN, 2, 10)).isEqualTo(2.5);
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPoints() {
        List<MedianPoint> a = MedianPoint.of(synthetic(), METHODS).stream().filter(p -> p.modelId().equals("x/a")).toList();
        List<MedianPoint> front = ParetoFront.of(a, MedianPoint::grams);
        // sensitivity 5 % is cheapest; uniform 10 %; progressive costs more and is less accurate than uniform 10 %
        assertThat(front).extracting(p -> p.method() + "@" + p.fraction())
                .containsExactly("sensitivity@0.05", "uniform@0.1", "full@1.0");
    }

    @Test
    void goalsAreJudgedPerModelOnPerSeedShares() {
        StudyReport report = new StudyReport(synthetic(), METHODS);
        Goals g = report.goals();
        assertThat(g.goal1()).hasSize(2);
        Goals.Budgeted a = g.goal1().get(0);
        assertThat(a.best.method()).isEqualTo("uniform");
        assertThat(a.drop()).isCloseTo(0.005, within(1e-9));
        assertThat(a.passed()).isTrue();
        assertThat(g.goal1().get(1).passed()).isFalse(); // b: 0.70 at best, 10 pp short
        assertThat(g.goal1Passed()).isFalse();
        // goal 2: b's ccs beats uniform interpolated at the same energy (0.65) by 2 pp; a's sensitivity loses
        assertThat(Goals.uniformAt(List.of(point(report.points(), "y/b", "uniform", 0.01),
                point(report.points(), "y/b", "uniform", 0.1)), Math.sqrt(0.001))).isCloseTo(0.65, within(1e-9));
        Goals.VersusUniform b = g.goal2().stream().filter(v -> v.model.equals("y/b")).findFirst().orElseThrow();
        assertThat(b.gain()).isCloseTo(0.02, within(1e-9));
        assertThat(b.passed()).isTrue();
        assertThat(g.goal2Passes()).isEqualTo(1);
        // goal 3: 2 of 3 progressive runs within 1 pp at 30 % energy: 67 % < 80 %
        assertThat(g.goal3Runs()).isEqualTo(3);
        assertThat(g.goal3Both()).isEqualTo(2);
        assertThat(g.goal3Passed()).isFalse();
        assertThat(g.headline()).contains("Goal 1").contains("FAIL (1 of 2 models)").contains("FAIL (2 of 3 runs)");
    }

    @Test
    void markdownHasTheGoalsTheSpreadTheLearningCurvesAndTheFront() {
        String md = new StudyReport(synthetic(), METHODS).markdown("T", List.of("- ctx"));
        assertThat(md).contains("# T").contains("- ctx").contains("## Goals").contains("## Every cell")
                .contains("## Pareto front").contains("## Learning curves")
                .contains("| x/a | uniform 10 % | 0.8950 [0.8940–0.8960] | 0.9000 [0.9000–0.9000] | 0.500 | 10.0 % [5.00–30.0] | pass |")
                .contains("| ccs |  | 2.00 % |")
                .contains("| x/a | uniform |  |  | 0.8950 | 0.9000 | 10 % (10.0 % [5.00–30.0]) |");
    }

    @Test
    void csvHasOneRowPerRunWithComponentColumnsAndRoundTrips() throws IOException {
        Path csv = dir.resolve("runs.csv");
        List<RunResult> rs = synthetic();
        ResultsCsv.write(csv, rs);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(rs.size() + 1);
        assertThat(lines.get(0).split(",")).contains("library", "model", "method", "fraction", "seed", "rows_used",
                "accuracy", "selection_seconds", "selection_joules", "train_seconds", "train_joules",
                "train_joules_cpu", "train_source_cpu", "train_joules_dram", "train_joules_gpu", "grams_co2e", "zone");
        List<RunResult> back = ResultsCsv.read(csv);
        assertThat(back).hasSize(rs.size());
        assertThat(back.get(3).method()).isEqualTo("progressive");
        assertThat(back.get(3).accuracy()).isEqualTo(rs.get(3).accuracy());
        assertThat(back.get(3).trainingComponentSource()).containsEntry("cpu", "estimate");
        assertThat(back.get(3).totalJoules()).isEqualTo(31);
    }

    @Test
    void plotIsAPng() throws IOException {
        Path png = dir.resolve("plot.png");
        AccuracyCarbonPlot.write(png, new StudyReport(synthetic(), METHODS), METHODS, "test");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).startsWith(0x89, 'P', 'N', 'G');
    }
}
