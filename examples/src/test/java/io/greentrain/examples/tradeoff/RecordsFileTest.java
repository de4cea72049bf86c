package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RecordFormat;
import io.greentrain.exporter.records.RunFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecordsFile}: follows the agent's records file line by line through the exporter's own line parser. */
class RecordsFileTest {

    @TempDir
    Path dir;

    private static CallRecord call(String library, double joules) {
        return AgentRecordsMeterTest.record(99, library, "main", 1000, 2000, joules);
    }

    private static CallRecord run(String library) {
        return new CallRecord("jvm-1", 99, "host", "main", library, "M", "fit", "success", "", 1000, 2000, 1.0, 1, 1,
                List.of(new ComponentEnergy("cpu", "estimate", 5)), "", "", null,
                new RunFacts(RunFacts.RUN, "jvm-1-1", "", 1, -1, "", ""));
    }

    @Test
    void aBadLineIsCountedAndNamedByItsLineNumberInTheFileAndItsText() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.JSONL);
        writer.append(call("smile", 1));
        writer.append(call("smile", 2));
        RecordsFile records = RecordsFile.fromStart(file);
        assertThat(records.readNew()).hasSize(2);
        AgentRecordsMeterTest.append(file, "not a record\n");
        writer.append(call("tribuo", 3));
        List<CallRecord> later = records.readNew();
        assertThat(later).extracting(CallRecord::library).containsExactly("tribuo");
        assertThat(records.unreadable()).isEqualTo(1);
        assertThat(records.firstProblem()).startsWith("line 3: ").contains("'not a record'");
    }

    @Test
    void runRecordsAreDroppedAndAHalfWrittenLineWaitsForItsEnd() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.JSONL);
        writer.append(run("dl4j"));
        writer.append(call("dl4j", 4));
        String next = AgentRecordsMeterTest.line("tribuo", "main", 3000, 4000, 6);
        AgentRecordsMeterTest.append(file, next.substring(0, 30));
        RecordsFile records = RecordsFile.fromStart(file);
        assertThat(records.readNew()).extracting(CallRecord::library).containsExactly("dl4j");
        assertThat(records.readNew()).isEmpty();
        AgentRecordsMeterTest.append(file, next.substring(30));
        assertThat(records.readNew()).extracting(CallRecord::totalJoules).containsExactly(6.0);
        assertThat(records.unreadable()).isZero();
        assertThat(records.firstProblem()).isNull();
    }

    @Test
    void aCsvRecordsFileIsReadWithItsHeaderSkipped() throws Exception {
        Path file = dir.resolve("calls.csv");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.CSV);
        writer.append(call("smile", 1.5));
        RecordsFile fromStart = RecordsFile.fromStart(file);
        RecordsFile fromEnd = RecordsFile.fromEnd(file);
        writer.append(call("tribuo", 2.5));
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(fromStart.readNew()).extracting(CallRecord::totalJoules).containsExactly(1.5, 2.5);
        assertThat(fromEnd.readNew()).extracting(CallRecord::library).containsExactly("tribuo");
        assertThat(fromStart.unreadable() + fromEnd.unreadable()).isZero();
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStart() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        new CallRecordWriter(file, RecordFormat.JSONL).append(call("smile", 1));
        new CallRecordWriter(file, RecordFormat.JSONL).append(call("smile", 2));
        RecordsFile records = RecordsFile.fromStart(file);
        assertThat(records.readNew()).hasSize(2);
        Files.delete(file);
        new CallRecordWriter(file, RecordFormat.JSONL).append(call("dl4j", 3));
        AgentRecordsMeterTest.append(file, "{}\n");
        assertThat(records.readNew()).extracting(CallRecord::library).containsExactly("dl4j");
        assertThat(records.firstProblem()).as("line numbers start again too").startsWith("line 2: ");
    }
}
