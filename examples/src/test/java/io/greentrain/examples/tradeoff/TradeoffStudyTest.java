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
    void runsEveryMethodAndChargesSelectionToEveryModel() throws Exception {
        DataCache cache = new DataCache(java.nio.file.Paths.get(System.getProperty(DataCache.PROPERTY, "target/test-cache")));
        TrainTest data = Digits.load(cache, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        StudySettings settings = new StudySettings(
                List.of(new TribuoLogisticRegression(3), new SmileLogisticRegression(0.1, 100)),
                StudySettings.ALL_METHODS, List.of(0.2, 1.0), List.of(1L), 1, 1, 0.1);
        FakeMeter meter = new FakeMeter();
        List<RunResult> seen = new ArrayList<>();
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
        });
        assertThat(total[0]).isEqualTo(2 * (6 + 1));
        assertThat(results).hasSize(14).containsExactlyElementsOf(seen);
        // 2 full runs + 6 selections + 1 EL2N scoring + 12 trainings
        assertThat(meter.phases).isEqualTo(2 + 6 + 1 + 12);
        for (RunResult r : results) {
            assertThat(r.accuracy()).as(r.toString()).isBetween(0.5, 1.0);
            assertThat(r.trainingJoules()).isPositive();
            assertThat(r.trainingComponentSource()).containsEntry("cpu", "test");
            if (r.isFull()) {
                assertThat(r.rowsUsed()).isEqualTo(data.train().size());
                assertThat(r.selectionJoules()).isZero();
            } else {
                assertThat(r.rowsUsed()).isBetween(200, 300);
                assertThat(r.selectionJoules()).isPositive();
                assertThat(r.grams()).isGreaterThan(r.trainingGrams());
            }
        }
        RunResult el2n = results.stream().filter(r -> r.method().equals("el2n")).findFirst().orElseThrow();
        RunResult uniform = results.stream().filter(r -> r.method().equals("uniform")).findFirst().orElseThrow();
        assertThat(el2n.selectionCalls).contains("custom:1").contains("subset:1");
        assertThat(el2n.selectionSeconds()).isGreaterThan(uniform.selectionSeconds());
        // Tribuo takes the coreset weights; Smile gets the same number of resampled rows
        RunResult lwTribuo = results.stream().filter(r -> r.method().equals("lightweight") && r.library().equals("tribuo"))
                .findFirst().orElseThrow();
        assertThat(lwTribuo.rowsTrained()).isEqualTo(lwTribuo.rowsUsed());
    }
}
