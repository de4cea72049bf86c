package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.greentrain.examples.data.DataCache;
import io.greentrain.examples.data.Digits;
import io.greentrain.examples.data.TrainTest;
import io.greentrain.examples.jobs.SmileLogisticRegression;
import io.greentrain.examples.jobs.TribuoLogisticRegression;
import org.junit.jupiter.api.Test;

/** The grid on the real digits, every selection method, with a stand-in meter instead of the agent. */
class TradeoffStudyTest {

    @Test
    void warmsUpThenRunsEveryMethodInRandomOrderAndChargesSelectionToEveryModel() throws Exception {
        DataCache cache = new DataCache(java.nio.file.Paths.get(System.getProperty(DataCache.PROPERTY, "target/test-cache")));
        TrainTest data = Digits.load(cache, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        StudySettings settings = new StudySettings(
                List.of(new TribuoLogisticRegression(3), new SmileLogisticRegression(0.1, 100)),
                StudySettings.ALL_METHODS, List.of(0.2, 1.0), List.of(1L, 2L), 0.5,
                new double[] {0.1, 0.5, 1.0}, 0.005, 42);
        FakeMeter meter = new FakeMeter();
        List<RunResult> seen = new ArrayList<>();
        List<Integer> seedsDone = new ArrayList<>();
        int[] total = new int[1];
        List<RunResult> results = new TradeoffStudy(data, settings, meter).run(new TradeoffStudy.Listener() {
            @Override
            public void started(int totalRuns) {
                total[0] = totalRuns;
            }

            @Override
            public void runFinished(RunResult result) {
                seen.add(result);
            }

            @Override
            public void seedFinished(List<RunResult> soFar) {
                seedsDone.add(soFar.size());
            }
        });
        // per seed and model: full + 5 methods at 20 % + progressive
        assertThat(total[0]).isEqualTo(2 * 2 * (1 + 5 + 1));
        assertThat(results).hasSize(28).containsExactlyElementsOf(seen);
        assertThat(seedsDone).containsExactly(14, 28);
        // warm-up: proxy + 5 selections + 10 trainings, discarded; per seed: 2 full, 1 proxy, 5 selections,
        // 10 trainings, and per progressive step 1 selection + 1 training
        int progressiveSteps = results.stream().filter(r -> r.method().equals("progressive"))
                .mapToInt(r -> r.steps().split(";").length).sum();
        assertThat(meter.phases).isEqualTo(16 + 2 * (2 + 1 + 5 + 10) + 2 * progressiveSteps);
        for (RunResult r : results) {
            assertThat(r.accuracy()).as(r.toString()).isBetween(0.5, 1.0);
            assertThat(r.trainingJoules()).isPositive();
            assertThat(r.trainingComponentSource()).containsEntry("cpu", "test");
            if (r.isFull()) {
                assertThat(r.rowsUsed()).isEqualTo(data.train().size());
                assertThat(r.selectionJoules()).isZero();
            } else {
                assertThat(r.selectionJoules()).isPositive();
                assertThat(r.grams()).isGreaterThan(r.trainingGrams());
            }
        }
        // the order is shuffled: the first runs of seed 1 are not the full-data runs of every model
        assertThat(results.subList(0, 2)).anyMatch(r -> !r.isFull());
        assertThat(results.stream().mapToInt(RunResult::order)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 28).boxed().toList());
        RunResult ccs = results.stream().filter(r -> r.method().equals("ccs")).findFirst().orElseThrow();
        RunResult uniform = results.stream().filter(r -> r.method().equals("uniform")).findFirst().orElseThrow();
        assertThat(ccs.selectionCalls).contains("custom:1").contains("subset:1");
        assertThat(ccs.scoringJoules()).isPositive();
        assertThat(uniform.scoringJoules()).isZero();
        // every step of a progressive run is charged: its training joules exceed those of its last step alone
        RunResult progressive = results.stream().filter(r -> r.method().equals("progressive")).findFirst()
                .orElseThrow();
        assertThat(progressive.steps().split(";").length).isGreaterThanOrEqualTo(2);
        assertThat(progressive.rowsAvailable).isLessThan(data.train().size()); // the validation split is held out
        // Tribuo takes the coreset weights; Smile gets the same number of resampled rows
        RunResult sensitivityTribuo = results.stream()
                .filter(r -> r.method().equals("sensitivity") && r.library().equals("tribuo")).findFirst().orElseThrow();
        assertThat(sensitivityTribuo.rowsTrained()).isEqualTo(sensitivityTribuo.rowsUsed());
    }
}
