package io.greentrain.exporter.outputs.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RunFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events committed into a real in-process recording, read back with {@code jdk.jfr.consumer}. */
class FlightRecorderEventsTest {

    @TempDir
    Path dir;

    private static CallRecord record(RunFacts run) {
        return new CallRecord("jvm-1", 42, "host", "main", "dl4j", "MultiLayerNetwork", "MultiLayerNetwork#fit", "success", "",
                1_700_000_000_000L, 1_700_000_012_500L, 12.5, 3, 3,
                List.of(new ComponentEnergy("cpu", "rapl", 50.25), new ComponentEnergy("dram", "estimate", 1.5)), "d", "c",
                new CarbonFigures("FR", 56.0, "table:ember-2023", 1.2, 0.00097), run);
    }

    @Test
    void aRunAndACallAreReadBackWithTheirFiguresAndTheRunsSpan() throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(TrainingRunEvent.NAME);
            recording.enable(TrainingCallEvent.NAME);
            recording.start();
            FlightRecorderEvents.commit(record(new RunFacts("run", "a1-1", "lr=0.1", 600, 9600, "g1", "lr-search")));
            FlightRecorderEvents.commit(record(new RunFacts("call", "a1-1", "lr=0.1", 1, 16, "g1", "lr-search")));
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("greentrain.")).collect(Collectors.toList());
        assertThat(events).extracting(e -> e.getEventType().getName()).containsExactly(TrainingRunEvent.NAME, TrainingCallEvent.NAME);
        RecordedEvent run = events.get(0);
        assertThat(run.getString("library")).isEqualTo("dl4j");
        assertThat(run.getString("model")).isEqualTo("MultiLayerNetwork");
        assertThat(run.getString("runName")).isEqualTo("lr=0.1");
        assertThat(run.getString("groupName")).isEqualTo("lr-search");
        assertThat(run.getLong("calls")).isEqualTo(600);
        assertThat(run.getInt("epochs")).isEqualTo(3);
        assertThat(run.getDouble("cpuJoules")).isEqualTo(50.25);
        assertThat(run.getDouble("dramJoules")).isEqualTo(1.5);
        assertThat(run.getDouble("totalJoules")).isEqualTo(51.75);
        assertThat(run.getString("sources")).isEqualTo("cpu=rapl,dram=estimate");
        assertThat(run.getDouble("grams")).isEqualTo(0.00097);
        assertThat(run.getString("zone")).isEqualTo("FR");
        assertThat(run.getInstant("start").toEpochMilli()).isEqualTo(1_700_000_000_000L);
        assertThat(run.getInstant("end").toEpochMilli()).isEqualTo(1_700_000_012_500L);
        assertThat(events.get(1).getLong("calls")).isEqualTo(1);
    }

    @Test
    void nothingIsCommittedWhenTheRecordingDoesNotEnableTheEvents() throws Exception {
        Path file = dir.resolve("other.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.disable(TrainingRunEvent.NAME);
            recording.start();
            FlightRecorderEvents.commit(record(new RunFacts("run", "a1-1", "", 1, 0, "", "")));
            recording.stop();
            recording.dump(file);
        }
        assertThat(Files.exists(file) ? RecordingFile.readAllEvents(file) : List.<RecordedEvent>of())
                .noneMatch(e -> e.getEventType().getName().startsWith("greentrain."));
    }
}
