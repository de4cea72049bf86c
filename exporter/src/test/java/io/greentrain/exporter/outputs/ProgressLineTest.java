package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.attribution.RunAttributor;
import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.sensors.EnergyChannel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySource;
import io.greentrain.exporter.sensors.FakeHost;
import io.greentrain.exporter.sensors.ScriptedSensor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The progress lines a run prints while it is open, through the real attributor and outputs on a fake clock. */
class ProgressLineTest {

    /** A call of a keyed run: a mini-batch loop's, the runs that outlive their calls (by runs.gap, 60 s here). */
    private static final CallStart BATCH = new CallStart("dl4j", "MultiLayerNetwork", "MultiLayerNetwork#fit", "main", 1, -1,
            "rows=32", "cfg", "model@1", "", "", "", 32);

    private final FakeHost host = new FakeHost(4);
    private final EnergySampler sampler = host.sampler(host.sensorSet(new ScriptedSensor(
            List.of(EnergyChannel.cpu(EnergySource.RAPL, "scripted")), nanos -> 100 * nanos / 1e9)), Duration.ofSeconds(1));
    private final TrainingOutputs outputs = new TrainingOutputs(null, null,
            new TrainingMetrics(new SimpleMeterRegistry(), new MetricLabels(5), host::nanoTime), true, false);
    private final RunAttributor attributor = new RunAttributor(sampler, outputs, new JvmIdentity("jvm-1", 99, "host-a"), id -> -1,
            false, Duration.ofSeconds(60), Duration.ofSeconds(10));
    private final TrainingCalls calls = outputs.observe(attributor);

    private static List<String> runLines(String stderr) {
        return Arrays.stream(stderr.split("\n")).filter(l -> l.startsWith("greentrain: dl4j")).collect(Collectors.toList());
    }

    private static RunProgress progress(long calls, double seconds) {
        return new RunProgress("3f2a9c1b-1", "nightly", "dl4j", "MultiLayerNetwork", List.of(new ComponentEnergy("cpu", "rapl", 1)),
                new long[3], 0, 1000, calls, 5310, seconds);
    }

    @Test
    void aRunningCallSaysRunningWithItsTimeCallsAndEnergy() {
        assertThat(ProgressLine.format(progress(2400, 72), true))
                .isEqualTo("dl4j MultiLayerNetwork running 1 min 12 s: 2400 calls, 5.31 kJ so far [run 3f2a9c1b-1 'nightly']");
    }

    @Test
    void aRunWithNoCallInFlightDoesNotClaimToBeRunning() {
        assertThat(ProgressLine.format(progress(1, 72), false))
                .doesNotContain("running").doesNotContain("1 min 12 s")
                .isEqualTo("dl4j MultiLayerNetwork idle (no call in flight): 1 call, 5.31 kJ so far [run 3f2a9c1b-1 'nightly']");
    }

    /**
     * One call of a keyed run of 11 s, then 25 s without a call (evaluation; the run stays open for runs.gap, waiting
     * for the next batch): the progress
     * line during the call says running, those after its end must not, a stretch without calls prints one line, and the
     * next call's line says running again.
     */
    @Test
    void progressAfterTheCallEndedDoesNotSayRunning() {
        String stderr;
        try (StderrCapture err = new StderrCapture()) {
            CallHandle fit = calls.started(BATCH);
            host.run(11_000, 1, 1);
            attributor.tick();
            assertThat(err.text()).as("during the call").contains("dl4j MultiLayerNetwork running 11 s: 1 call,");
            calls.ended(fit, TrainingCalls.SUCCESS, "");
            for (int i = 0; i < 5; i++) { // 5 x 5 s: two more progress intervals, still within the gap
                host.run(5_000, 1, 1);
                attributor.tick();
            }
            CallHandle next = calls.startedAgain(fit, 32); // the next batch: the run is running again
            host.run(10_000, 1, 1);
            attributor.tick();
            calls.ended(next, TrainingCalls.SUCCESS, "");
            stderr = err.text();
        }
        List<String> lines = runLines(stderr);
        assertThat(lines).as(stderr).hasSize(3);
        assertThat(lines.get(0)).contains("running");
        assertThat(lines.get(1)).as("after the call ended").doesNotContain("running")
                .startsWith("greentrain: dl4j MultiLayerNetwork idle (no call in flight): 1 call, ");
        assertThat(lines.get(2)).as("during the next call").startsWith("greentrain: dl4j MultiLayerNetwork running 46 s: 2 calls, ");
        assertThat(attributor.openRuns()).as("the run itself is still open").isEqualTo(1);
    }

    /** A mini-batch loop, 80 ms batches 20 ms apart for 35 s: every progress line says running, none says idle. */
    @Test
    void aMiniBatchLoopBetweenTwoBatchesIsStillRunning() {
        String stderr;
        try (StderrCapture err = new StderrCapture()) {
            CallHandle batch = calls.started(BATCH);
            for (int i = 0; i < 350; i++) {
                host.run(80, 1, 1);
                calls.ended(batch, TrainingCalls.SUCCESS, "");
                host.run(20, 1, 1); // the iterator's next batch: no call in flight
                attributor.tick();
                batch = calls.startedAgain(batch, 32);
            }
            calls.ended(batch, TrainingCalls.SUCCESS, "");
            stderr = err.text();
        }
        assertThat(runLines(stderr)).as(stderr).hasSize(3).allSatisfy(l -> assertThat(l).contains(" running ").doesNotContain("idle"));
    }
}
