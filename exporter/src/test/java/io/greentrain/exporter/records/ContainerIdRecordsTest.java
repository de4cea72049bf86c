package io.greentrain.exporter.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code container_id}: a JSON field only in containers, the last CSV column, and files of the previous layout still read. */
class ContainerIdRecordsTest {

    @TempDir
    Path dir;

    @Test
    void theContainerIdRoundTripsInBothFormatsAndJsonNamesItOnlyInAContainer() throws IOException {
        CallRecord inContainer = Records.sample("Pod", 10, null).withContainerId("3f6b2f8c1d9e");
        CallRecord plain = Records.sample("Host", 11, null);
        for (RecordFormat format : RecordFormat.values()) {
            Path file = dir.resolve("records." + format.name().toLowerCase(Locale.ROOT));
            CallRecordWriter writer = new CallRecordWriter(file, format);
            writer.append(inContainer);
            writer.append(plain);
            List<CallRecord> read = CallRecordReader.read(file).records();
            assertThat(read).extracting(CallRecord::containerId).as(format.name()).containsExactly("3f6b2f8c1d9e", "");
        }
        List<String> json = Files.readAllLines(dir.resolve("records.jsonl"));
        assertThat(json.get(0)).contains("\"container_id\":\"3f6b2f8c1d9e\"");
        assertThat(json.get(1)).doesNotContain("container_id");
        assertThat(Files.readAllLines(dir.resolve("records.csv")).get(0)).endsWith(",parent_run_id,container_id");
    }

    @Test
    void aCsvFileWithTheParentColumnButNoContainerColumnReadsAndTakesNewerRows() throws IOException {
        Path file = dir.resolve("nesting-era.csv");
        String row = new CsvRecordCodec().line(Records.sample("Old", 1, null));
        // what the agent before container_id wrote: its header, and rows one field shorter
        String header = String.join(",", CsvRecordCodec.SCHEMA2_NESTING_COLUMNS);
        String narrowRow = row.substring(0, CallRecordWriterTest.nthCommaFromEnd(row.trim(), CsvRecordCodec.APPENDED_CONTAINER.size()));
        Files.writeString(file, header + "\n" + narrowRow + "\n");
        new CallRecordWriter(file, RecordFormat.CSV).append(Records.sample("New", 2, null).withContainerId("9c2e4b7a1f3d"));

        CallRecordReader.Result read = CallRecordReader.read(file);
        assertThat(read.skipped()).isZero();
        assertThat(read.records()).extracting(CallRecord::model).containsExactly("Old", "New");
        assertThat(read.records()).extracting(CallRecord::containerId).containsExactly("", "9c2e4b7a1f3d");
    }

    @Test
    void laterCopiesKeepTheContainerId() {
        CallRecord record = Records.sample("Pod", 10, null).withContainerId("3f6b2f8c1d9e");
        assertThat(record.withCarbon(Records.carbon()).containerId()).isEqualTo("3f6b2f8c1d9e");
        assertThat(record.withSparkApp(new SparkApp("app-1", "a", "1")).containerId()).isEqualTo("3f6b2f8c1d9e");
    }
}
