package io.greentrain.exporter.records;

import static io.greentrain.exporter.records.RecordFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines with Jackson: one object per record (schema-1 lines, one per call, still parse), fields in a fixed order, times as ISO-8601 UTC,
 * energy as an array of {@code {component, source, joules}}, carbon as a nested object or null.
 */
final class JsonRecordCodec implements RecordCodec {

    /**
     * Writing needs jackson-core's generator only: databind's mapper (some 400 classes) is loaded in a training JVM only
     * if it reads records, never to write them. Same numbers and escaping as databind's tree wrote (JsonRecordLineTest).
     */
    private static final JsonFactory WRITER = new JsonFactory();
    /** For reading: the report and the study, outside the training JVM's path. */
    private static final class Parsing {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Override
    public String header() {
        return "";
    }

    @Override
    public String line(CallRecord r) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = WRITER.createGenerator(text)) {
            write(r, json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise call record", e);
        }
        // Jackson escapes control characters, so the object never spans two lines
        return text.append('\n').toString();
    }

    private static void write(CallRecord r, JsonGenerator json) throws IOException {
        RunFacts run = r.run();
        json.writeStartObject();
        json.writeNumberField(SCHEMA, SCHEMA_VERSION);
        json.writeStringField(KIND, run.kind());
        json.writeStringField(RUN_ID, run.runId());
        json.writeStringField(RUN_NAME, run.runName());
        json.writeStringField(JVM_ID, r.jvmId());
        json.writeNumberField(PID, r.pid());
        json.writeStringField(HOST, r.host());
        json.writeStringField(THREAD, r.thread());
        json.writeStringField(LIBRARY, r.library());
        json.writeStringField(MODEL, r.model());
        json.writeStringField(ENTRY_POINT, r.entryPoint());
        json.writeStringField(OUTCOME, r.outcome());
        json.writeStringField(ERROR_TYPE, r.errorType());
        json.writeStringField(START, Instant.ofEpochMilli(r.startEpochMillis()).toString());
        json.writeStringField(END, Instant.ofEpochMilli(r.endEpochMillis()).toString());
        json.writeNumberField(DURATION, r.durationSeconds());
        json.writeNumberField(EPOCHS, r.epochs());
        json.writeNumberField(EPOCHS_PLANNED, r.epochsPlanned());
        json.writeNumberField(CALLS, run.calls());
        json.writeNumberField(ROWS, run.rows());
        json.writeStringField(GROUP_ID, run.groupId());
        json.writeStringField(GROUP_NAME, run.groupName());
        if (!run.parentRunId().isEmpty()) {
            json.writeStringField(PARENT_RUN_ID, run.parentRunId()); // only on nested runs: other records stay as they were
        }
        SparkApp spark = r.sparkApp();
        if (spark.isSpark()) {
            // only in Spark JVMs: a plain job's records stay as they were
            json.writeStringField(SPARK_APP_ID, spark.appId());
            json.writeStringField(SPARK_APP_NAME, spark.appName());
            json.writeStringField(SPARK_EXECUTOR_ID, spark.executorId());
        }
        if (!r.containerId().isEmpty()) {
            json.writeStringField(CONTAINER_ID, r.containerId()); // only in containers: other records stay as they were
        }
        json.writeArrayFieldStart(ENERGY);
        for (ComponentEnergy e : r.energy()) {
            json.writeStartObject();
            json.writeStringField(COMPONENT, e.component());
            json.writeStringField(SOURCE, e.source());
            json.writeNumberField(JOULES, e.joules());
            if (e.estimated()) {
                // the band of a modelled figure (EstimateBand); readers recompute it from the source, so older files lose nothing
                json.writeNumberField(JOULES_LOW, e.low());
                json.writeNumberField(JOULES_HIGH, e.high());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField(TOTAL_JOULES, r.totalJoules());
        if (r.hasEstimate()) {
            json.writeNumberField(TOTAL_JOULES_LOW, r.totalLowJoules());
            json.writeNumberField(TOTAL_JOULES_HIGH, r.totalHighJoules());
        }
        json.writeStringField(DATA_FINGERPRINT, r.dataFingerprint());
        json.writeStringField(CONFIG_FINGERPRINT, r.configFingerprint());
        CarbonFigures c = r.carbon();
        if (c == null) {
            json.writeNullField(CARBON);
        } else {
            json.writeObjectFieldStart(CARBON);
            json.writeStringField(ZONE, c.zone());
            json.writeNumberField(GRAMS_PER_KWH, c.gramsPerKwh());
            json.writeStringField(INTENSITY_SOURCE, c.intensitySource());
            json.writeNumberField(PUE, c.pue());
            json.writeNumberField(GRAMS, c.grams());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    @Override
    public CallRecord parse(String line) throws IOException {
        JsonNode n;
        try {
            n = Parsing.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        try {
            List<ComponentEnergy> energy = new ArrayList<>();
            for (JsonNode e : required(n, ENERGY)) {
                energy.add(new ComponentEnergy(text(e, COMPONENT), text(e, SOURCE), required(e, JOULES).asDouble()));
            }
            JsonNode c = n.get(CARBON);
            CarbonFigures carbon = c == null || c.isNull() ? null : new CarbonFigures(text(c, ZONE),
                    required(c, GRAMS_PER_KWH).asDouble(), text(c, INTENSITY_SOURCE), required(c, PUE).asDouble(),
                    required(c, GRAMS).asDouble());
            boolean schema1 = n.path(SCHEMA).asInt(1) < 2;
            // schema 1: every record is a call, and run_id named the JVM
            RunFacts run = schema1 ? RunFacts.legacyCall() : new RunFacts(text(n, KIND), text(n, RUN_ID),
                    optionalText(n, RUN_NAME), required(n, CALLS).asLong(), n.path(ROWS).asLong(-1), optionalText(n, GROUP_ID),
                    optionalText(n, GROUP_NAME), optionalText(n, PARENT_RUN_ID));
            return new CallRecord(text(n, schema1 ? RUN_ID : JVM_ID), required(n, PID).asLong(), text(n, HOST), text(n, THREAD),
                    text(n, LIBRARY), text(n, MODEL), text(n, ENTRY_POINT), text(n, OUTCOME), optionalText(n, ERROR_TYPE),
                    Instant.parse(text(n, START)).toEpochMilli(), Instant.parse(text(n, END)).toEpochMilli(),
                    required(n, DURATION).asDouble(), required(n, EPOCHS).asInt(), n.path(EPOCHS_PLANNED).asInt(-1), energy,
                    optionalText(n, DATA_FINGERPRINT), optionalText(n, CONFIG_FINGERPRINT), carbon, run,
                    new SparkApp(optionalText(n, SPARK_APP_ID), optionalText(n, SPARK_APP_NAME), optionalText(n, SPARK_EXECUTOR_ID)),
                    optionalText(n, CONTAINER_ID));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws IOException {
        return required(node, field).asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
