package io.greentrain.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard JSON and the PromQL it runs: panel targets and template variable queries. */
final class Dashboard {

    /** One query of one panel. {@code instant} queries are evaluated once at the end of the time range. */
    record PanelQuery(String panel, String refId, String expr, boolean instant) {
        String where() {
            return "panel \"" + panel + "\" query " + refId;
        }
    }

    /** A query template variable; {@code selector} is the series selector inside label_values(). */
    record VariableQuery(String name, String query, String selector, String label) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

    final JsonNode json;

    private Dashboard(JsonNode json) {
        this.json = json;
    }

    static Dashboard load() {
        return new Dashboard(GrafanaFiles.readJson(GrafanaFiles.dashboard()));
    }

    /** Every panel, rows and the panels nested in (collapsed) rows included, in file order. */
    List<JsonNode> panels() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            all.add(panel);
            for (JsonNode nested : panel.path("panels")) {
                all.add(nested);
            }
        }
        return all;
    }

    /** Panels that show data (every panel but rows). */
    List<JsonNode> dataPanels() {
        List<JsonNode> data = new ArrayList<>();
        for (JsonNode panel : panels()) {
            if (!"row".equals(panel.path("type").asText())) {
                data.add(panel);
            }
        }
        return data;
    }

    List<PanelQuery> panelQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode panel : dataPanels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText(), target.path("instant").asBoolean(false)));
            }
        }
        return queries;
    }

    List<VariableQuery> variableQueries() {
        List<VariableQuery> queries = new ArrayList<>();
        for (JsonNode variable : json.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode q = variable.path("query");
            String query = q.isObject() ? q.path("query").asText() : q.asText();
            Matcher m = LABEL_VALUES.matcher(query.trim());
            queries.add(m.matches()
                    ? new VariableQuery(variable.path("name").asText(), query, m.group(1).trim(), m.group(2))
                    : new VariableQuery(variable.path("name").asText(), query, null, null));
        }
        return queries;
    }

    /** Every PromQL expression the dashboard runs: panel targets and variable queries' selectors. */
    List<String> allExpressions() {
        List<String> exprs = new ArrayList<>();
        panelQueries().forEach(q -> exprs.add(q.expr()));
        variableQueries().forEach(v -> exprs.add(v.selector() != null ? v.selector() : v.query()));
        return exprs;
    }

    /**
     * The query as Grafana sends it to Prometheus with "All" selected in every variable: {@code $job},
     * {@code $instance}, {@code $application}, {@code $executor}, {@code $library}, {@code $model} become {@code .*}; {@code $__range} the whole time
     * range; {@code $__rate_interval} and {@code $__interval} fixed windows suited to the scrape interval.
     */
    static String forPrometheus(String expr, Duration range, Duration rateInterval) {
        return expr.replace("$__rate_interval", rateInterval.toSeconds() + "s")
                .replace("$__range", Math.max(1, range.toSeconds()) + "s")
                .replace("$__interval", Math.max(1, rateInterval.toSeconds() / 4) + "s")
                .replaceAll("\\$\\{?(job|instance|application|executor|library|model)\\}?", ".*");
    }
}
