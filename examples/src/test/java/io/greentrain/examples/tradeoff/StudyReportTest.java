package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

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

    static final List<String> METHODS = List.of("uniform", "lightweight", "archetypal");

    /** Model a: full 0.90 at 100 J. Model b: full 0.80 at 1000 J. */
    static List<RunResult> synthetic() {
        List<RunResult> rs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            double jitter = (seed - 2) * 0.001;
            rs.add(RunResult.of("x", "a", "full", 1.0, seed, 0.90 + jitter, 0, 100, 0.01));
            rs.add(RunResult.of("x", "a", "uniform", 0.1, seed, 0.895 + jitter, 1, 10, 0.0011));
            rs.add(RunResult.of("x", "a", "lightweight", 0.1, seed, 0.880 + jitter, 2, 10, 0.0012));
            rs.add(RunResult.of("x", "a", "archetypal", 0.1, seed, 0.897 + jitter, 30, 10, 0.004));
            rs.add(RunResult.of("x", "a", "uniform", 0.25, seed, 0.899 + jitter, 1, 25, 0.0026));
            rs.add(RunResult.of("y", "b", "full", 1.0, seed, 0.80 + jitter, 0, 1000, 0.1));
            rs.add(RunResult.of("y", "b", "uniform", 0.1, seed, 0.70 + jitter, 1, 100, 0.0101));
            rs.add(RunResult.of("y", "b", "lightweight", 0.1, seed, 0.72 + jitter, 1, 100, 0.0101));
            rs.add(RunResult.of("y", "b", "archetypal", 0.1, seed, 0.71 + jitter, 1, 100, 0.0101));
        }
        for (RunResult r : rs) {
            r.trainingComponentJoules.put("cpu", r.trainingJoules);
            r.trainingComponentSource.put("cpu", "estimate");
            r.zone = "FR";
        }
        return rs;
    }

    @Test
    void mediansAreTakenOverSeeds() {
        List<MedianPoint> points = MedianPoint.of(synthetic(), METHODS);
        MedianPoint full = points.get(0);
        assertThat(full.modelId()).isEqualTo("x/a");
        assertThat(full.isFull()).isTrue();
        assertThat(full.accuracy()).isEqualTo(0.90);
        assertThat(full.runs()).isEqualTo(3);
        assertThat(points).hasSize(9);
        assertThat(MedianPoint.median(3, 1, Double.NaN, 2, 10)).isEqualTo(2.5);
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPoints() {
        List<MedianPoint> a = MedianPoint.of(synthetic(), METHODS).stream().filter(p -> p.modelId().equals("x/a")).toList();
        List<MedianPoint> front = ParetoFront.of(a, MedianPoint::grams);
        // uniform 10 % (cheapest), archetypal 10 % is beaten by uniform 25 % (more accurate and cheaper), full (best)
        assertThat(front).extracting(p -> p.method() + "@" + p.fraction())
                .containsExactly("uniform@0.1", "uniform@0.25", "full@1.0");
    }

    @Test
    void goalsAreJudgedPerModelWithSelectionIncluded() {
        StudyReport report = new StudyReport(synthetic(), METHODS, true);
        Goals g = report.goals();
        assertThat(g.goal1()).hasSize(2);
        Goals.AccuracyAtTenPercent a = g.goal1().get(0);
        assertThat(a.best.method()).isEqualTo("archetypal"); // most accurate at 10 %
        assertThat(a.drop).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.energyShare).isCloseTo(0.40, org.assertj.core.data.Offset.offset(1e-9)); // (30 + 10) / 100
        assertThat(a.accuracyOk()).isTrue();
        assertThat(a.energyOk()).isFalse();
        Goals.AccuracyAtTenPercent b = g.goal1().get(1);
        assertThat(b.accuracyOk()).isFalse();
        assertThat(b.energyShare).isCloseTo(0.101, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.goal1Passed()).isFalse();
        // goal 2: a: lightweight -1.5 pp (fail), archetypal +0.2 (pass); b: +2, +1 (pass)
        assertThat(g.goal2()).hasSize(4);
        assertThat(g.goal2().stream().filter(Goals.VersusUniform::passed).count()).isEqualTo(3);
        assertThat(g.goal2Passed()).isFalse();
        assertThat(g.headline()).contains("Goal 1").contains("FAIL (0 of 2 models)").contains("3 of 4 comparisons");
        assertThat(new StudyReport(synthetic(), METHODS, false).goals().headline()).contains("not applicable");
    }

    @Test
    void markdownHasTheGoalsTheMediansAndTheFront() {
        String md = new StudyReport(synthetic(), METHODS, true).markdown("T", List.of("- ctx"));
        assertThat(md).contains("# T").contains("- ctx").contains("## Goals").contains("## Medians over seeds")
                .contains("## Pareto front").contains("| x/a | archetypal | 10 % |").contains("**fail** by 25.0 points")
                .contains("| y/b | lightweight | 10 % | +2.00 | pass |");
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
        assertThat(back.get(3).method()).isEqualTo("archetypal");
        assertThat(back.get(3).accuracy()).isEqualTo(rs.get(3).accuracy());
        assertThat(back.get(3).trainingComponentSource()).containsEntry("cpu", "estimate");
        assertThat(back.get(3).totalJoules()).isEqualTo(40);
    }

    @Test
    void plotIsAPng() throws IOException {
        Path png = dir.resolve("plot.png");
        AccuracyCarbonPlot.write(png, new StudyReport(synthetic(), METHODS, true), METHODS, "test");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).startsWith(0x89, 'P', 'N', 'G');
    }
}
