package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.RunsJob;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DL4J job with the agent and {@code -XX:StartFlightRecording}: the recording, read back with {@code jdk.jfr.consumer},
 * holds one {@code greentrain.TrainingRun} event per run record and one {@code greentrain.TrainingCall} per call record,
 * with the same joules. The job stays up after training so that both runs end by {@code runs.gap} before the JVM's
 * exit (the recording's dump-on-exit and the agent's exit hook run concurrently; see the README's outputs table).
 */
class FlightRecorderIT {

    @TempDir
    Path dir;

    @Test
    void eachRunAndCallIsAnEventWithTheJoulesOfItsRecord() throws Exception {
        Path records = dir.resolve("runs.jsonl");
        Path recording = dir.resolve("job.jfr");
        Path noPowercap = Files.createTempDirectory(dir, "no-powercap");
        JobResult result = JobResult.run(ForkedJvm.trainingJob(RunsJob.class).args("gap")
                .jvmArg("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true", "-Drunsjob.linger.millis=3000")
                .withAgent("prometheus.enabled=false,gpu.enabled=false,rapl.root=" + noPowercap + ",records.file=" + records
                        + ",records.detail=calls,runs.gap=1s"));
        assertThat(result.exitCode).as(result.toString()).isZero();
        List<CallRecord> runs = Records.runs(records);
        List<CallRecord> calls = Records.read(records);
        assertThat(runs).hasSize(2);
        assertThat(calls).hasSize(40);

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        List<RecordedEvent> runEvents = events.stream().filter(e -> e.getEventType().getName().equals("greentrain.TrainingRun"))
                .sorted(Comparator.comparing(e -> e.getInstant("start"))).collect(Collectors.toList());
        List<RecordedEvent> callEvents = events.stream().filter(e -> e.getEventType().getName().equals("greentrain.TrainingCall"))
                .collect(Collectors.toList());
        assertThat(runEvents).as("run events in the recording").hasSize(2);
        assertThat(callEvents).as("call events in the recording").hasSize(40);
        List<CallRecord> byStart = runs.stream().sorted(Comparator.comparingLong(CallRecord::startEpochMillis)).collect(Collectors.toList());
        for (int i = 0; i < 2; i++) {
            RecordedEvent event = runEvents.get(i);
            CallRecord run = byStart.get(i);
            assertThat(event.getString("runId")).isEqualTo(run.runId());
            assertThat(event.getString("library")).isEqualTo("dl4j");
            assertThat(event.getString("model")).isEqualTo("MultiLayerNetwork");
            assertThat(event.getLong("calls")).isEqualTo(20);
            assertThat(event.getDouble("totalJoules")).isCloseTo(run.totalJoules(), within(1e-9));
            assertThat(event.getString("sources")).contains("cpu=estimate");
            assertThat(event.getDouble("grams")).isCloseTo(run.carbon().grams(), within(1e-12));
            assertThat(event.getInstant("end").toEpochMilli()).isEqualTo(run.endEpochMillis());
        }
        double callJoules = callEvents.stream().mapToDouble(e -> e.getDouble("totalJoules")).sum();
        assertThat(callJoules).isCloseTo(calls.stream().mapToDouble(CallRecord::totalJoules).sum(), within(1e-9));
    }
}
