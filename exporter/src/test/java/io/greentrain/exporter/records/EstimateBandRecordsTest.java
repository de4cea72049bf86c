package io.greentrain.exporter.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every modelled figure in a record carries low <= value <= high; measured ones carry none. */
class EstimateBandRecordsTest {

    @TempDir
    Path dir;

    private static CallRecord record(List<ComponentEnergy> energy) {
        return new CallRecord("jvm", 1, "h", "t", "dl4j", "MultiLayerNetwork", "MultiLayerNetwork#fit", "success", "", 0, 1000, 1.0, 0, -1,
                energy, "", "", null, new RunFacts("run", "r-1", "", 1, -1, "", ""));
    }

    @Test
    void estimatesHaveABandAndMeasurementsNone() {
        ComponentEnergy cpu = new ComponentEnergy("cpu", "estimate", 40);
        ComponentEnergy dram = new ComponentEnergy("dram", "estimate", 10);
        ComponentEnergy gpu = new ComponentEnergy("gpu", "nvml", 300);
        assertThat(cpu.low()).isEqualTo(20.0);
        assertThat(cpu.high()).isEqualTo(80.0);
        assertThat(dram.low()).isEqualTo(1.0);
        assertThat(dram.high()).isEqualTo(11.0);
        assertThat(gpu.estimated()).isFalse();
        assertThat(gpu.low()).isEqualTo(300.0).isEqualTo(gpu.high());
        CallRecord r = record(List.of(cpu, dram, gpu));
        assertThat(r.totalLowJoules()).isEqualTo(321.0);
        assertThat(r.totalHighJoules()).isEqualTo(391.0);
        assertThat(r.totalLowJoules()).isLessThanOrEqualTo(r.totalJoules());
        assertThat(r.totalHighJoules()).isGreaterThanOrEqualTo(r.totalJoules());
    }

    @Test
    void theJsonRecordWritesTheBandOfEachEstimatedComponentAndReadsBack() throws Exception {
        Path file = dir.resolve("runs.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.JSONL);
        assertThat(writer.append(record(List.of(new ComponentEnergy("cpu", "estimate", 40), new ComponentEnergy("gpu", "nvml", 300))))).isTrue();
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
        JsonNode cpu = line.get("energy").get(0);
        assertThat(cpu.get("joules_low").asDouble()).isEqualTo(20.0);
        assertThat(cpu.get("joules_high").asDouble()).isEqualTo(80.0);
        assertThat(line.get("energy").get(1).has("joules_low")).as("a measurement has no band").isFalse();
        assertThat(line.get("total_joules_low").asDouble()).isEqualTo(320.0);
        assertThat(line.get("total_joules_high").asDouble()).isEqualTo(380.0);
        CallRecord back = CallRecordReader.read(file).records().get(0);
        assertThat(back.totalHighJoules()).isEqualTo(380.0);
    }
}
