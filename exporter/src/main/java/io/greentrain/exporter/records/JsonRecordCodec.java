package io.greentrain.exporter.records;

import static io.greentrain.exporter.records.RecordFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines with Jackson: one object per record (schema-1 lines, one per call, still parse), fields in a fixed order, times as ISO-8601 UTC,
 * energy as an array of {@code {component, source, joules}}, carbon as a nested object or null.
 */
final class JsonRecordCodec implements RecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String header() {
        return "";
    }

    @Override
    public String line(CallRecord r) {
        ObjectNode node = JSON.createObjectNode();
        RunFacts run = r.run();
        node.put(SCHEMA, SCHEMA_VERSION);
        node.put(KIND, run.kind());
        node.put(RUN_ID, run.runId());
        node.put(RUN_NAME, run.runName());
        node.put(JVM_ID, r.jvmId());
        node.put(PID, r.pid());
        node.put(HOST, r.host());
        node.put(THREAD, r.thread());
        node.put(LIBRARY, r.library());
        node.put(MODEL, r.model());
        node.put(ENTRY_POINT, r.entryPoint());
        node.put(OUTCOME, r.outcome());
        node.put(ERROR_TYPE, r.errorType());
        node.put(START, Instant.ofEpochMilli(r.startEpochMillis()).toString());
        node.put(END, Instant.ofEpochMilli(r.endEpochMillis()).toString());
        node.put(DURATION, r.durationSeconds());
        node.put(EPOCHS, r.epochs());
        node.put(EPOCHS_PLANNED, r.epochsPlanned());
        node.put(CALLS, run.calls());
        node.put(ROWS, run.rows());
        node.put(GROUP_ID, run.groupId());
        node.put(GROUP_NAME, run.groupName());
        if (!run.parentRunId().isEmpty()) {
            node.put(PARENT_RUN_ID, run.parentRunId()); // only on nested runs: other records stay as they were
        }
        SparkApp spark = r.sparkApp();
        if (spark.isSpark()) {
            // only in Spark JVMs: a plain job's records stay as they were
            node.put(SPARK_APP_ID, spark.appId());
            node.put(SPARK_APP_NAME, spark.appName());
            node.put(SPARK_EXECUTOR_ID, spark.executorId());
        }
        if (!r.containerId().isEmpty()) {
            node.put(CONTAINER_ID, r.containerId()); // only in containers: other records stay as they were
        }
        ArrayNode energy = node.putArray(ENERGY);
        for (ComponentEnergy e : r.energy()) {
            ObjectNode entry = energy.addObject().put(COMPONENT, e.component()).put(SOURCE, e.source()).put(JOULES, e.joules());
            if (e.estimated()) {
                // the band of a modelled figure (EstimateBand); readers recompute it from the source, so older files lose nothing
                entry.put(JOULES_LOW, e.low()).put(JOULES_HIGH, e.high());
            }
        }
        node.put(TOTAL_JOULES, r.totalJoules());
        if (r.hasEstimate()) {
            node.put(TOTAL_JOULES_LOW, r.totalLowJoules()).put(TOTAL_JOULES_HIGH, r.totalHighJoules());
        }
        node.put(DATA_FINGERPRINT, r.dataFingerprint());
        node.put(CONFIG_FINGERPRINT, r.configFingerprint());
        CarbonFigures c = r.carbon();
        if (c == null) {
            node.putNull(CARBON);
        } else {
            node.putObject(CARBON).put(ZONE, c.zone()).put(GRAMS_PER_KWH, c.gramsPerKwh())
                    .put(INTENSITY_SOURCE, c.intensitySource()).put(PUE, c.pue()).put(GRAMS, c.grams());
        }
        try {
            // Jackson escapes control characters, so the object never spans two lines
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise call record", e);
        }
    }

    @Override
    public CallRecord parse(String line) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(line);
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
