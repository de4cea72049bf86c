package io.greentrain.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every dashboard query (panels and variables) and every rule expression through a live Prometheus,
 * the way Grafana and the rule manager would, and lists what went wrong: a query error, or a panel query
 * that returns no finite value (Grafana would show "No data" or NaN).
 */
final class QueryCheck {

    /** $__rate_interval as Grafana computes it for a 1 s scrape interval is 4 s; a little more smooths it. */
    static final Duration RATE_INTERVAL = Duration.ofSeconds(10);

    private final PrometheusServer prometheus;
    private final Instant start;
    private final Instant end;
    final List<String> errors = new ArrayList<>();
    final List<String> withoutData = new ArrayList<>();

    QueryCheck(PrometheusServer prometheus, Instant start, Instant end) {
        this.prometheus = prometheus;
        this.start = start;
        this.end = end;
    }

    /**
     * For a scrape of a JVM outside Spark: the Spark panels ({@code spark_app_id!=""}) and the application and executor
     * variables have nothing to show there; they are checked with data by DashboardSyntheticIT (whose exposition has
     * the Spark labels) and the Spark fleet test.
     */
    QueryCheck outsideSpark() {
        this.outsideSpark = true;
        return this;
    }

    private boolean outsideSpark;

    QueryCheck dashboard(Dashboard dashboard) throws IOException, InterruptedException {
        Duration range = Duration.between(start, end).plusSeconds(1);
        for (Dashboard.PanelQuery q : dashboard.panelQueries()) {
            if (outsideSpark && q.expr().contains("spark_app_id!=\"\"")) {
                continue;
            }
            String expr = Dashboard.forPrometheus(q.expr(), range, RATE_INTERVAL);
            JsonNode answer = q.instant() ? prometheus.query(expr, end) : prometheus.queryRange(expr, start, end, Duration.ofSeconds(1));
            record(q.where(), expr, answer, true);
        }
        for (Dashboard.VariableQuery v : dashboard.variableQueries()) {
            if (outsideSpark && v.label().startsWith("spark_")) {
                continue;
            }
            if (v.selector() == null) {
                errors.add("variable " + v.name() + ": not a label_values() query: " + v.query());
                continue;
            }
            String expr = Dashboard.forPrometheus(v.selector(), range, RATE_INTERVAL);
            JsonNode answer = prometheus.api("series", Map.of("match[]", expr,
                    "start", String.valueOf(start.getEpochSecond()), "end", String.valueOf(end.getEpochSecond() + 1)));
            if (!"success".equals(answer.path("status").asText())) {
                errors.add("variable " + v.name() + ": " + answer.path("error").asText() + " in " + expr);
            } else if (answer.path("data").size() == 0 || !answer.path("data").get(0).has(v.label())) {
                withoutData.add("variable " + v.name() + ": no series with label " + v.label() + " for " + expr);
            }
        }
        return this;
    }

    /** Each rule expression as an instant query (errors only: an alert that does not fire is fine), and the rule manager's health. */
    QueryCheck rules(RuleFile rules) throws IOException, InterruptedException {
        for (RuleFile.Rule rule : rules.rules()) {
            JsonNode answer = prometheus.query(rule.expr(), end);
            record("rule " + rule.name(), rule.expr(), answer, false);
        }
        JsonNode groups = prometheus.api("rules", Map.of()).path("data").path("groups");
        int seen = 0;
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                seen++;
                if (!"ok".equals(rule.path("health").asText())) {
                    errors.add("rule " + rule.path("name").asText() + " evaluated by Prometheus: health "
                            + rule.path("health").asText() + " " + rule.path("lastError").asText());
                }
            }
        }
        if (seen != rules.rules().size()) {
            errors.add("Prometheus loaded " + seen + " rules, the file has " + rules.rules().size());
        }
        return this;
    }

    /** Names the dashboard and rules use that the scrape did not deliver. */
    Set<String> namesMissingFromScrape(Dashboard dashboard, RuleFile rules) throws IOException, InterruptedException {
        Set<String> scraped = new TreeSet<>();
        prometheus.api("label/__name__/values", Map.of()).path("data").forEach(n -> scraped.add(n.asText()));
        List<String> exprs = new ArrayList<>(dashboard.allExpressions());
        rules.rules().forEach(r -> exprs.add(r.expr()));
        Set<String> missing = PromqlNames.exposed(exprs);
        missing.removeAll(scraped);
        return missing;
    }

    /**
     * The finite values a panel query shows over the time range, every series and every step (1 s) together,
     * as Grafana would plot them (an instant query: its one value per series at the end).
     */
    List<Double> values(Dashboard.PanelQuery q) throws IOException, InterruptedException {
        String expr = Dashboard.forPrometheus(q.expr(), Duration.between(start, end).plusSeconds(1), RATE_INTERVAL);
        JsonNode answer = q.instant() ? prometheus.query(expr, end) : prometheus.queryRange(expr, start, end, Duration.ofSeconds(1));
        List<Double> values = new ArrayList<>();
        for (JsonNode series : answer.path("data").path("result")) {
            if (series.has("value") && finite(series.path("value").get(1).asText())) {
                values.add(Double.parseDouble(series.path("value").get(1).asText()));
            }
            for (JsonNode point : series.path("values")) {
                if (finite(point.get(1).asText())) {
                    values.add(Double.parseDouble(point.get(1).asText()));
                }
            }
        }
        return values;
    }

    /** Everything that went wrong, one problem per entry, for a failure message. */
    String report() {
        StringBuilder text = new StringBuilder();
        errors.forEach(e -> text.append("\n  ERROR ").append(e));
        withoutData.forEach(e -> text.append("\n  NO DATA ").append(e));
        return text.length() == 0 ? "none" : text.toString();
    }

    boolean clean() {
        return errors.isEmpty() && withoutData.isEmpty();
    }

    private void record(String where, String expr, JsonNode answer, boolean needsData) {
        if (!"success".equals(answer.path("status").asText())) {
            errors.add(where + ": " + answer.path("errorType").asText() + ": " + answer.path("error").asText() + "\n      " + expr);
            return;
        }
        if (!answer.path("warnings").isMissingNode() && answer.path("warnings").size() > 0) {
            errors.add(where + ": warnings " + answer.path("warnings") + "\n      " + expr);
        }
        if (needsData && !hasFiniteValue(answer.path("data"))) {
            withoutData.add(where + "\n      " + expr);
        }
    }

    private static boolean hasFiniteValue(JsonNode data) {
        for (JsonNode series : data.path("result")) {
            if (series.has("value") && finite(series.path("value").get(1).asText())) {
                return true;
            }
            for (JsonNode point : series.path("values")) {
                if (finite(point.get(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean finite(String value) {
        return !Double.isNaN(Double.parseDouble(value)) && !Double.isInfinite(Double.parseDouble(value));
    }
}
