package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard is valid for the Grafana schema version it declares. Grafana's dashboard kind schema
 * (lineage 0.0, used by schemaVersion 36 to 39) is CUE inside Grafana itself; its constraints that matter
 * to a provisioned dashboard are restated here: required fields, enums, grid bounds and unique ids. On
 * top of it, GreenTrain's own rules: every panel has a unit, a title, a Prometheus datasource through the
 * datasource variable and PromQL targets; every variable a query uses is defined.
 */
class DashboardSchemaTest {

    /** Versions whose rules this test knows; a dashboard declaring another one fails until it is checked. */
    private static final Set<Integer> KNOWN_SCHEMA_VERSIONS = Set.of(36, 37, 38, 39);
    private static final Set<String> VARIABLE_TYPES = Set.of("query", "adhoc", "constant", "datasource", "interval", "textbox", "custom", "system");
    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "bargauge", "table", "gauge", "text");
    /** Grafana unit ids this dashboard may use; anything else must be a custom "suffix:" unit. */
    private static final Set<String> UNITS = Set.of("joule", "watt", "massg", "s", "short", "none", "percentunit", "cpm");
    private static final Set<String> BUILTIN_VARIABLES = Set.of("__range", "__rate_interval", "__interval");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private final Dashboard dashboard = Dashboard.load();
    private final JsonNode json = dashboard.json;

    @Test
    void declaresASchemaVersionWhoseRulesAreKnown() {
        assertThat(json.path("schemaVersion").isInt()).as("schemaVersion is an integer").isTrue();
        assertThat(KNOWN_SCHEMA_VERSIONS).as("schemaVersion this test can validate").contains(json.path("schemaVersion").asInt());
    }

    @Test
    void topLevelFieldsFollowTheSchema() {
        List<String> problems = new ArrayList<>();
        require(problems, json.path("title").isTextual() && !json.path("title").asText().isBlank(), "title is a non-empty string");
        require(problems, json.path("uid").asText().matches("[A-Za-z0-9_-]{8,40}"), "uid is 8 to 40 of [A-Za-z0-9_-]");
        require(problems, json.path("editable").isBoolean(), "editable is a boolean");
        require(problems, Set.of(0, 1, 2).contains(json.path("graphTooltip").asInt(-1)) && json.path("graphTooltip").isInt(), "graphTooltip is 0, 1 or 2");
        require(problems, !json.has("style") || Set.of("light", "dark").contains(json.path("style").asText()), "style is light or dark");
        require(problems, json.path("time").path("from").isTextual() && json.path("time").path("to").isTextual(), "time.from and time.to are strings");
        require(problems, !json.has("refresh") || json.path("refresh").isTextual() || json.path("refresh").isBoolean(), "refresh is a string or false");
        require(problems, json.path("tags").isArray(), "tags is an array");
        require(problems, json.path("panels").isArray() && json.path("panels").size() > 0, "panels is a non-empty array");
        require(problems, json.path("templating").path("list").isArray(), "templating.list is an array");
        for (JsonNode annotation : json.path("annotations").path("list")) {
            require(problems, annotation.path("name").isTextual() && annotation.path("datasource").isObject()
                    && annotation.path("enable").isBoolean() && annotation.path("iconColor").isTextual(),
                    "annotation has name, datasource, enable and iconColor: " + annotation);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void panelsFollowTheSchema() {
        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            String name = "panel " + panel.path("id") + " \"" + panel.path("title").asText() + "\": ";
            require(problems, panel.path("id").isInt() && panel.path("id").asInt() >= 0, name + "id is an unsigned integer");
            require(problems, ids.add(panel.path("id").asInt()), name + "id is unique");
            require(problems, !panel.path("title").asText().isBlank(), name + "has a title");
            JsonNode grid = panel.path("gridPos");
            int h = grid.path("h").asInt(-1);
            int w = grid.path("w").asInt(-1);
            int x = grid.path("x").asInt(-1);
            int y = grid.path("y").asInt(-1);
            require(problems, h > 0 && w > 0 && w <= 24 && x >= 0 && x < 24 && y >= 0 && x + w <= 24,
                    name + "gridPos within h>0, 0<w<=24, 0<=x<24, x+w<=24, y>=0: " + grid);
            if ("row".equals(panel.path("type").asText())) {
                require(problems, panel.path("collapsed").isBoolean(), name + "row has collapsed");
                require(problems, panel.path("panels").isArray(), name + "row has panels");
                continue;
            }
            require(problems, PANEL_TYPES.contains(panel.path("type").asText()), name + "type is one of " + PANEL_TYPES);
            require(problems, panel.path("options").isObject(), name + "options is an object");
            require(problems, panel.path("transformations").isArray(), name + "transformations is an array");
            panel.path("transformations").forEach(t -> require(problems, t.path("id").isTextual(), name + "transformation has an id"));
            JsonNode fieldConfig = panel.path("fieldConfig");
            require(problems, fieldConfig.path("defaults").isObject() && fieldConfig.path("overrides").isArray(),
                    name + "fieldConfig has defaults and overrides");
            for (JsonNode override : fieldConfig.path("overrides")) {
                require(problems, override.path("matcher").path("id").isTextual() && override.path("properties").isArray(),
                        name + "override has matcher.id and properties");
            }
            String unit = fieldConfig.path("defaults").path("unit").asText("");
            require(problems, UNITS.contains(unit) || unit.matches("suffix: ?\\S.*"), name + "unit set to a known Grafana unit, is \"" + unit + "\"");
            require(problems, isPrometheusVariable(panel.path("datasource")), name + "datasource is the ${datasource} variable");
            require(problems, panel.path("targets").isArray() && panel.path("targets").size() > 0, name + "has targets");
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                require(problems, refIds.add(target.path("refId").asText()) && !target.path("refId").asText().isEmpty(), name + "refId unique");
                require(problems, !target.path("expr").asText().isBlank(), name + "target " + target.path("refId").asText() + " has expr");
                require(problems, isPrometheusVariable(target.path("datasource")), name + "target datasource is the ${datasource} variable");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void panelsDoNotOverlap() {
        List<JsonNode> top = new ArrayList<>();
        json.path("panels").forEach(top::add);
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            for (int j = i + 1; j < top.size(); j++) {
                JsonNode a = top.get(i).path("gridPos");
                JsonNode b = top.get(j).path("gridPos");
                boolean apart = a.path("x").asInt() + a.path("w").asInt() <= b.path("x").asInt()
                        || b.path("x").asInt() + b.path("w").asInt() <= a.path("x").asInt()
                        || a.path("y").asInt() + a.path("h").asInt() <= b.path("y").asInt()
                        || b.path("y").asInt() + b.path("h").asInt() <= a.path("y").asInt();
                if (!apart) {
                    overlaps.add(top.get(i).path("title").asText() + " / " + top.get(j).path("title").asText());
                }
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void templateVariablesFollowTheSchemaAndCoverJobInstanceLibraryModel() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode variable : json.path("templating").path("list")) {
            String name = variable.path("name").asText();
            require(problems, !name.isEmpty() && names.add(name), "variable name unique and non-empty: " + name);
            require(problems, VARIABLE_TYPES.contains(variable.path("type").asText()), name + ": type in " + VARIABLE_TYPES);
            require(problems, Set.of(0, 1, 2).contains(variable.path("hide").asInt(-1)), name + ": hide is 0, 1 or 2");
            if ("query".equals(variable.path("type").asText())) {
                require(problems, isPrometheusVariable(variable.path("datasource")), name + ": datasource is ${datasource}");
                require(problems, variable.path("includeAll").asBoolean() && ".*".equals(variable.path("allValue").asText()),
                        name + ": offers All, sent as .*");
            }
        }
        assertThat(names).contains("datasource", "job", "instance", "library", "model");
        JsonNode datasource = variableNamed("datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableAQueryUsesIsDefined() {
        Set<String> defined = new HashSet<>(BUILTIN_VARIABLES);
        json.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
        List<String> undefined = new ArrayList<>();
        for (String expr : dashboard.allExpressions()) {
            Matcher m = VARIABLE_USE.matcher(expr);
            while (m.find()) {
                if (!defined.contains(m.group(1))) {
                    undefined.add("$" + m.group(1) + " in " + expr);
                }
            }
        }
        assertThat(undefined).isEmpty();
    }

    @Test
    void everyPanelQueryFiltersByJobAndInstance() {
        List<String> unfiltered = dashboard.panelQueries().stream()
                .filter(q -> PromqlNames.exposed(List.of(q.expr())).size() > 0)
                .filter(q -> !(q.expr().contains("job=~\"$job\"") && q.expr().contains("instance=~\"$instance\"")))
                .map(Dashboard.PanelQuery::where).toList();
        assertThat(unfiltered).as("panel queries that ignore the job or instance selection").isEmpty();
    }

    private JsonNode variableNamed(String name) {
        for (JsonNode v : json.path("templating").path("list")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static boolean isPrometheusVariable(JsonNode datasource) {
        return "prometheus".equals(datasource.path("type").asText()) && "${datasource}".equals(datasource.path("uid").asText());
    }

    private static void require(List<String> problems, boolean ok, String rule) {
        if (!ok) {
            problems.add(rule);
        }
    }
}
