package io.greentrain.exporter.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON line of a record. The expected lines were written by the databind tree (ObjectNode) this codec used
 * before it wrote with jackson-core's generator alone: files written before and after are the same byte for byte.
 */
class JsonRecordLineTest {

    private final JsonRecordCodec codec = new JsonRecordCodec();

    @Test
    void aPlainRunRecordWithCarbon() throws IOException {
        CallRecord record = Records.sample("MultiLayerNetwork", 100.5, Records.carbon());

        String line = codec.line(record);

        assertThat(line).isEqualTo(EXPECTED_PLAIN);
        assertThat(codec.parse(line).totalJoules()).isEqualTo(record.totalJoules());
    }

    @Test
    void everyOptionalFieldEstimateBandsSparkContainerParentAndNoCarbon() throws IOException {
        CallRecord record = new CallRecord("jvm-1", 7, "host \u00e9", "t\n1", "smile", "RandomForest", "RandomForest#fit", "failure",
                "java.lang.OutOfMemoryError", 1_700_000_000_000L, 1_700_000_000_050L, 0.05, 0, -1,
                List.of(new ComponentEnergy("cpu", "estimate", 3.0), new ComponentEnergy("dram", "rapl-cgroup", 0.001)),
                "double[3000][10],int[3000]", "cfg", null,
                new RunFacts(RunFacts.RUN, "jvm-1-2", "", 1, 3000, "", "", "jvm-1-1"),
                new SparkApp("app-20261207-0001", "nightly", "3"), "0123456789ab");

        String line = codec.line(record);

        assertThat(line).isEqualTo(EXPECTED_FULL);
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(codec.parse(line).thread()).isEqualTo("t\n1");
    }

    static final String EXPECTED_PLAIN = "{\"schema_version\":2,\"kind\":\"run\",\"run_id\":\"run-7-3\",\"run_name\":\"nightly \\\"mlp\\\"\",\"jvm_id\":\"run-7\","
            + "\"pid\":4242,\"host\":\"node-1\",\"thread\":\"trainer \\\"main\\\", 1\",\"library\":\"dl4j\","
            + "\"model\":\"MultiLayerNetwork\",\"entry_point\":\"MultiLayerNetwork#fit\",\"outcome\":\"success\","
            + "\"error_type\":\"\",\"start\":\"2023-11-14T22:13:20.123Z\",\"end\":\"2023-11-14T22:13:32.456Z\","
            + "\"duration_seconds\":12.333,\"epochs\":2,\"epochs_planned\":5,\"calls\":600,\"rows\":19200,"
            + "\"group_id\":\"run-7-g1\",\"group_name\":\"tribuo CrossValidation\",\"energy\":[{\"component\":\"cpu\","
            + "\"source\":\"rapl\",\"joules\":100.5},{\"component\":\"dram\",\"source\":\"estimate\",\"joules\":12.5,"
            + "\"joules_low\":1.25,\"joules_high\":13.750000000000002},{\"component\":\"gpu\",\"source\":\"nvml\","
            + "\"joules\":400.25}],\"total_joules\":513.25,\"total_joules_low\":502.0,\"total_joules_high\":514.5,"
            + "\"data_fingerprint\":\"rows=60000,features=784\",\"config_fingerprint\":\"cfg-1f3a\",\"carbon\":{\"zone\":\"FR\","
            + "\"grams_per_kwh\":56.04,\"intensity_source\":\"table:owid-2023\",\"pue\":1.2,\"grams\":0.0123}}" + "\n";
    static final String EXPECTED_FULL = "{\"schema_version\":2,\"kind\":\"run\",\"run_id\":\"jvm-1-2\",\"run_name\":\"\",\"jvm_id\":\"jvm-1\",\"pid\":7,"
            + "\"host\":\"host é\",\"thread\":\"t\\n1\",\"library\":\"smile\",\"model\":\"RandomForest\","
            + "\"entry_point\":\"RandomForest#fit\",\"outcome\":\"failure\",\"error_type\":\"java.lang.OutOfMemoryError\","
            + "\"start\":\"2023-11-14T22:13:20Z\",\"end\":\"2023-11-14T22:13:20.050Z\",\"duration_seconds\":0.05,\"epochs\":0,"
            + "\"epochs_planned\":-1,\"calls\":1,\"rows\":3000,\"group_id\":\"\",\"group_name\":\"\",\"parent_run_id\":\"jvm-1-1\","
            + "\"spark_app_id\":\"app-20261207-0001\",\"spark_app_name\":\"nightly\",\"spark_executor_id\":\"3\","
            + "\"container_id\":\"0123456789ab\",\"energy\":[{\"component\":\"cpu\",\"source\":\"estimate\",\"joules\":3.0,"
            + "\"joules_low\":1.5,\"joules_high\":6.0},{\"component\":\"dram\",\"source\":\"rapl-cgroup\",\"joules\":0.001}],"
            + "\"total_joules\":3.001,\"total_joules_low\":1.501,\"total_joules_high\":6.001,"
            + "\"data_fingerprint\":\"double[3000][10],int[3000]\",\"config_fingerprint\":\"cfg\",\"carbon\":null}" + "\n";
}
