package io.greentrain.exporter.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CallRecordReader#parseLine}: one line of a records file, as {@link CallRecordReader#read} reads it. */
class CallRecordReaderLineTest {

    @TempDir
    Path dir;

    static final String SCHEMA1_LINE = "{\"schema_version\":1,\"run_id\":\"6f1c2a\",\"pid\":77,\"host\":\"node-2\",\"thread\":\"main\","
            + "\"library\":\"smile\",\"model\":\"RandomForest\",\"entry_point\":\"RandomForest#fit\",\"outcome\":\"success\","
            + "\"error_type\":\"\",\"start\":\"2025-03-01T10:00:00Z\",\"end\":\"2025-03-01T10:00:02.500Z\","
            + "\"duration_seconds\":2.5,\"epochs\":0,\"epochs_planned\":-1,"
            + "\"energy\":[{\"component\":\"cpu\",\"source\":\"rapl\",\"joules\":42.0}],\"total_joules\":42.0,"
            + "\"data_fingerprint\":\"rows=100\",\"config_fingerprint\":\"abc\",\"carbon\":null}";

    @Test
    void aLineTheWriterWroteParsesToTheRecordTheFileReaderReads() throws IOException {
        for (RecordFormat format : RecordFormat.values()) {
            Path file = dir.resolve(format == RecordFormat.CSV ? "calls.csv" : "calls.jsonl");
            CallRecordWriter writer = new CallRecordWriter(file, format);
            writer.append(Records.sample("Mlp", 1234.5, Records.carbon()));
            writer.append(Records.sample("Cnn", 10, null));
            List<String> lines = Files.readAllLines(file);
            List<CallRecord> read = CallRecordReader.read(file).records();
            int first = format == RecordFormat.CSV ? 1 : 0; // the CSV header row
            assertThat(CallRecordReader.isHeader(lines.get(0))).as(format + " header").isEqualTo(format == RecordFormat.CSV);
            for (int i = 0; i < read.size(); i++) {
                CallRecord parsed = CallRecordReader.parseLine(lines.get(first + i), format);
                assertThat(parsed).as(format + " line " + (first + i)).usingRecursiveComparison().isEqualTo(read.get(i));
            }
        }
    }

    @Test
    void bothJsonSchemasParseWithoutNamingTheFormat() {
        CallRecord run = CallRecordReader.parseLine(JsonRecordLineTest.EXPECTED_PLAIN.trim());
        assertThat(run.run().isRun()).isTrue();
        assertThat(run.run().runId()).isEqualTo("run-7-3");
        assertThat(run.run().calls()).isEqualTo(600);
        CallRecord call = CallRecordReader.parseLine(SCHEMA1_LINE + "\n"); // a trailing line break is fine
        assertThat(call.run().kind()).isEqualTo(RunFacts.CALL);
        assertThat(call.jvmId()).isEqualTo("6f1c2a");
        assertThat(call.totalJoules()).isEqualTo(42.0);
        assertThat(CallRecordReader.isHeader(SCHEMA1_LINE)).isFalse();
    }

    @Test
    void badLinesAreRejectedNamingTheBadValue() {
        assertThatThrownBy(() -> CallRecordReader.parseLine("not json at all")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not json at all'").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CallRecordReader.parseLine("[1, 2]")).hasMessageContaining("'[1, 2]'")
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> CallRecordReader.parseLine(SCHEMA1_LINE.replace("\"pid\":77,", "")))
                .hasMessageContaining("missing field 'pid'");
        assertThatThrownBy(() -> CallRecordReader.parseLine(SCHEMA1_LINE.replace("2025-03-01T10:00:00Z", "yesterday")))
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> CallRecordReader.parseLine("   ")).hasMessageContaining("blank").hasMessageContaining("'   '");
        assertThatThrownBy(() -> CallRecordReader.parseLine(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> CallRecordReader.parseLine(SCHEMA1_LINE + "\n" + SCHEMA1_LINE))
                .hasMessageContaining("one line");
        String header = new CsvRecordCodec().header();
        assertThatThrownBy(() -> CallRecordReader.parseLine(header, RecordFormat.CSV)).hasMessageContaining("header");
        assertThatThrownBy(() -> CallRecordReader.parseLine("1,2,3", RecordFormat.CSV)).hasMessageContaining("'1,2,3'");
        assertThatThrownBy(() -> CallRecordReader.parseLine(SCHEMA1_LINE, null)).hasMessageContaining("format");
    }

    @Test
    void aVeryLongBadLineIsNamedByItsStartOnly() {
        String junk = "x".repeat(10_000);
        assertThatThrownBy(() -> CallRecordReader.parseLine(junk)).hasMessageContaining("'" + "x".repeat(100))
                .hasMessageContaining("(10000 characters)").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1_000));
    }
}
