package io.greentrain.examples.tradeoff;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one JSON line of the agent's records file. Lenient on purpose, so that the study keeps working while the
 * record schema settles: field names match ignoring case and underscores ({@code entry_point} = {@code entryPoint}),
 * a few aliases are accepted ({@code start} / {@code start_epoch_millis}), and times may be ISO-8601 text or epoch
 * milliseconds.
 */
public final class AgentRecordParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentRecordParser() {
    }

    /** Whether the line is a run record (schema 2, {@code kind=run}): the study charges calls, so it skips these. */
    public static boolean isRunRecord(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        return n != null && n.isObject() && "run".equals(n.path("kind").asText(""));
    }

    public static AgentRecord parse(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        List<AgentRecord.Energy> energy = new ArrayList<>();
        JsonNode energyNode = field(n, "energy", "components");
        if (energyNode != null && energyNode.isArray()) {
            for (JsonNode e : energyNode) {
                energy.add(new AgentRecord.Energy(text(e, "component", "name"), text(e, "source"),
                        number(e, "joules", "energy_joules")));
            }
        } else if (energyNode != null && energyNode.isObject()) {
            // {"cpu": {"source": ..., "joules": ...}} or {"cpu": 12.3}
            for (Iterator<Map.Entry<String, JsonNode>> it = energyNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                energy.add(v.isNumber() ? new AgentRecord.Energy(e.getKey(), "", v.asDouble())
                        : new AgentRecord.Energy(e.getKey(), text(v, "source"), number(v, "joules")));
            }
        } else {
            double total = number(n, "total_joules", "joules");
            if (!Double.isNaN(total)) {
                energy.add(new AgentRecord.Energy("total", text(n, "energy_source", "source"), total));
            }
        }
        JsonNode carbon = field(n, "carbon");
        boolean hasCarbon = carbon != null && carbon.isObject();
        JsonNode c = hasCarbon ? carbon : n;
        long start = millis(field(n, "start", "start_epoch_millis", "start_millis", "started", "start_time"));
        long end = millis(field(n, "end", "end_epoch_millis", "end_millis", "ended", "end_time"));
        double duration = number(n, "duration_seconds", "duration");
        if (Double.isNaN(duration) && start > 0 && end > 0) {
            duration = (end - start) / 1000.0;
        }
        return new AgentRecord((long) orZero(number(n, "pid")), text(n, "thread"), text(n, "library"), text(n, "model"),
                text(n, "entry_point", "entrypoint", "method"), text(n, "outcome"), start, end, duration, energy,
                text(c, "zone"), number(c, "grams_per_kwh", "intensity"), text(c, "intensity_source"),
                number(c, "pue"), number(c, "grams", "grams_co2e", "co2e_grams", "emissions_grams"));
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    static JsonNode field(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String wanted : names) {
            JsonNode direct = node.get(wanted);
            if (direct != null && !direct.isNull()) {
                return direct;
            }
        }
        for (String wanted : names) {
            String key = normalise(wanted);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (normalise(e.getKey()).equals(key) && !e.getValue().isNull()) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        return v == null ? "" : v.asText();
    }

    private static double number(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        if (v == null) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static long millis(JsonNode v) throws IOException {
        if (v == null) {
            return 0;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            // seconds (1.7e9) or milliseconds (1.7e12) or nanoseconds
            if (d < 1e11) {
                return Math.round(d * 1000);
            }
            if (d > 1e15) {
                return Math.round(d / 1e6);
            }
            return Math.round(d);
        }
        try {
            return Instant.parse(v.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e2) {
                throw new IOException("unreadable time '" + v.asText() + "'", e);
            }
        }
    }
}
