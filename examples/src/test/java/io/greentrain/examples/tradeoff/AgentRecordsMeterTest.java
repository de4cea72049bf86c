package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RecordFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRecordsMeterTest {

    @TempDir
    Path dir;

    /** One record exactly as the agent writes it: through the exporter's own {@link CallRecordWriter}. */
    static String line(String library, String thread, long start, long end, double joules) {
        CallRecord record = record(99, library, thread, start, end, joules);
        try {
            Path dir = Files.createTempDirectory("records");
            Path file = dir.resolve("one.jsonl");
            new CallRecordWriter(file, RecordFormat.JSONL).append(record);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            Files.delete(dir);
            return text;
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static CallRecord record(long pid, String library, String thread, long start, long end, double joules) {
        return new CallRecord("jvm-1", pid, "host", thread, library, "M", "fit", "success", "", start, end,
                (end - start) / 1000.0, 1, 1, List.of(new ComponentEnergy("cpu", "estimate", joules)), "", "",
                new CarbonFigures("DE", 380, "table", 1.0, joules / 3.6e6 * 380));
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void chargesEachPhaseTheRecordsInsideItsWindowIgnoringEarlierRuns() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        append(file, line("smile", "main", 1000, 2000, 500)); // an earlier run: ignored
        AgentRecordsMeter meter = new AgentRecordsMeter(RecordsFile.fromEnd(file), 99, 2000);
        EnergyMeter.Metered<String> m = meter.measure("tribuo", () -> {
            long t = System.currentTimeMillis();
            Thread.sleep(20);
            append(file, line("tribuo", "main", t + 1, System.currentTimeMillis(), 12.5));
            return "model";
        });
        assertThat(m.value()).isEqualTo("model");
        assertThat(m.energy().joules()).isEqualTo(12.5);
        assertThat(m.energy().zone()).isEqualTo("DE");
        assertThat(m.energy().components().get("cpu").source()).isEqualTo("estimate");
        assertThat(meter.problems()).isEmpty();
    }

    @Test
    void waitsForARecordWrittenAfterTheCallReturns() throws Exception {
        Path file = dir.resolve("late.jsonl");
        AgentRecordsMeter meter = new AgentRecordsMeter(RecordsFile.fromEnd(file), 99, 3000);
        long[] window = new long[2];
        EnergyMeter.Metered<Integer> m = meter.measure("dl4j", () -> {
            window[0] = System.currentTimeMillis();
            Thread.sleep(10);
            window[1] = System.currentTimeMillis();
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    // ignore
                }
                // half a line first, then the rest: the reader must not choke on it
                String l = line("dl4j", "main", window[0], window[1], 7);
                append(file, l.substring(0, 20));
                append(file, l.substring(20));
            });
            writer.setDaemon(true);
            writer.start();
            return 1;
        });
        assertThat(m.energy().joules()).isEqualTo(7);
    }

    @Test
    void aLibraryTheAgentNeverRecordsIsReportedAndNotWaitedForForever() throws Exception {
        Path file = dir.resolve("none.jsonl");
        AgentRecordsMeter meter = new AgentRecordsMeter(RecordsFile.fromEnd(file), 99, 300);
        for (int i = 0; i < 4; i++) {
            EnergyMeter.Metered<Integer> m = meter.measure("subset", () -> 1);
            assertThat(m.energy().measured()).isFalse();
            assertThat(m.energy().joules()).isNaN();
        }
        assertThat(meter.problems()).contains("subset").contains("never recorded");
    }

    @Test
    void recordsOfOtherProcessesAreIgnored() throws Exception {
        Path file = dir.resolve("pids.jsonl");
        AgentRecordsMeter meter = new AgentRecordsMeter(RecordsFile.fromEnd(file), 12345, 200);
        EnergyMeter.Metered<Integer> m = meter.measure("tribuo", () -> {
            long t = System.currentTimeMillis();
            append(file, line("tribuo", "main", t, t + 1, 3)); // pid 99
            return 1;
        });
        assertThat(m.energy().measured()).isFalse();
        assertThat(RecordsFile.fromStart(file).readNew()).hasSize(1);
        assertThat(List.of(meter.problems())).allSatisfy(p -> assertThat(p).contains("tribuo"));
    }
}
