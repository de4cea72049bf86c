package io.greentrain.examples.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class AgentRecordParserTest {

    /** The shape the exporter's JSON-lines writer produces (schema 1). */
    static final String EXPORTER_LINE = "{\"schema_version\":1,\"run_id\":\"r1\",\"pid\":42,\"host\":\"h\",\"thread\":\"main\","
            + "\"library\":\"tribuo\",\"model\":\"LinearSGDTrainer\",\"entry_point\":\"train(Dataset)\",\"outcome\":\"success\","
            + "\"error_type\":\"\",\"start\":\"2026-11-25T10:00:00.100Z\",\"end\":\"2026-11-25T10:00:02.350Z\","
            + "\"duration_seconds\":2.25,\"epochs\":5,\"epochs_planned\":5,\"energy\":[{\"component\":\"cpu\","
            + "\"source\":\"rapl\",\"joules\":30.5},{\"component\":\"dram\",\"source\":\"estimate\",\"joules\":2.5}],"
            + "\"total_joules\":33.0,\"data_fingerprint\":\"\",\"config_fingerprint\":\"\",\"carbon\":{\"zone\":\"FR\","
            + "\"grams_per_kwh\":56.0,\"intensity_source\":\"table:ember-2023\",\"pue\":1.2,\"grams\":0.000616}}";

    @Test
    void readsTheExporterSchema() throws IOException {
        AgentRecord r = AgentRecordParser.parse(EXPORTER_LINE);
        assertThat(r.pid()).isEqualTo(42);
        assertThat(r.library()).isEqualTo("tribuo");
        assertThat(r.entryPoint()).isEqualTo("train(Dataset)");
        assertThat(r.endMillis() - r.startMillis()).isEqualTo(2250);
        assertThat(r.totalJoules()).isEqualTo(33.0);
        assertThat(r.energy()).extracting(AgentRecord.Energy::source).containsExactly("rapl", "estimate");
        assertThat(r.zone()).isEqualTo("FR");
        assertThat(r.grams()).isCloseTo(0.000616, within(1e-12));
        assertThat(r.pue()).isEqualTo(1.2);
    }

    @Test
    void toleratesCamelCaseEpochMillisAndNoCarbon() throws IOException {
        AgentRecord r = AgentRecordParser.parse("{\"pid\":7,\"thread\":\"t\",\"library\":\"dl4j\",\"entryPoint\":\"fit\","
                + "\"startEpochMillis\":1764064800000,\"endEpochMillis\":1764064801000,\"energy\":[{\"component\":\"cpu\","
                + "\"source\":\"estimate\",\"joules\":4}],\"carbon\":null}");
        assertThat(r.entryPoint()).isEqualTo("fit");
        assertThat(r.startMillis()).isEqualTo(1764064800000L);
        assertThat(r.durationSeconds()).isEqualTo(1.0);
        assertThat(r.grams()).isNaN();
        assertThat(r.zone()).isEmpty();
    }

    @Test
    void nestedRecordsOnTheSameThreadCountOnce() throws IOException {
        AgentRecord outer = new AgentRecord(1, "main", "custom", "", "", "", 100, 200, 0.1,
                java.util.List.of(new AgentRecord.Energy("cpu", "x", 10)), "", Double.NaN, "", Double.NaN, 1);
        AgentRecord inner = new AgentRecord(1, "main", "subset", "", "", "", 110, 190, 0.08,
                java.util.List.of(new AgentRecord.Energy("cpu", "x", 8)), "", Double.NaN, "", Double.NaN, 0.8);
        AgentRecord other = new AgentRecord(1, "worker", "smile", "", "", "", 120, 150, 0.03,
                java.util.List.of(new AgentRecord.Energy("cpu", "x", 3)), "", Double.NaN, "", Double.NaN, 0.3);
        PhaseEnergy p = new PhaseEnergy(0.1, java.util.List.of(inner, outer, other));
        assertThat(p.records()).containsExactly(outer, other);
        assertThat(p.joules()).isEqualTo(13);
        assertThat(p.grams()).isCloseTo(1.3, within(1e-12));
        assertThat(p.components().get("cpu").source()).isEqualTo("x");
    }
}
