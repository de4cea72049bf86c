package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric name the dashboard and the rules use is one the exporter publishes (as documented in
 * MetricNames.java): renaming a metric without the dashboard fails here, fast. The end-to-end IT checks the
 * same names against a real scrape of the agent.
 */
class MetricNamesTest {

    private final Map<String, List<String>> published = PublishedMetrics.read();
    private final Dashboard dashboard = Dashboard.load();
    private final RuleFile rules = RuleFile.load();

    @Test
    void metricNamesAreReadFromMetricNamesJava() {
        assertThat(published).containsKeys("greentrain_build_info", "greentrain_process_energy_joules_total",
                "greentrain_training_duration_seconds_count", "greentrain_training_duration_seconds_sum",
                "greentrain_training_duration_seconds_max", "greentrain_grid_carbon_intensity_grams_per_kwh");
        assertThat(published.get("greentrain_training_energy_joules_total")).containsExactly("library", "model", "component", "source");
        assertThat(published.get("greentrain_host_energy_joules_total")).containsExactly("component", "source", "device");
        assertThat(published).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void promqlNameScanIgnoresStringsAndLabels() {
        assertThat(PromqlNames.in("sum by (job) (rate(greentrain_a_total{source=\"greentrain_not_a_metric\"}[5m])) "
                + "/ on (job) greentrain:b:rate5m or label_values(greentrain_c_info, job)"))
                .containsExactly("greentrain:b:rate5m", "greentrain_a_total", "greentrain_c_info");
    }

    @Test
    void dashboardUsesOnlyPublishedNames() {
        assertThat(unpublished(PromqlNames.exposed(dashboard.allExpressions())))
                .as("metric names in dashboards/greentrain.json that MetricNames.java does not publish").isEmpty();
    }

    @Test
    void rulesUseOnlyPublishedNames() {
        List<String> exprs = rules.rules().stream().map(RuleFile.Rule::expr).toList();
        assertThat(unpublished(PromqlNames.exposed(exprs)))
                .as("metric names in alerts/greentrain.rules.yml that MetricNames.java does not publish").isEmpty();
    }

    @Test
    void recordingRulesTheDashboardAndAlertsUseAreDefined() {
        List<String> exprs = new ArrayList<>(dashboard.allExpressions());
        rules.rules().forEach(r -> exprs.add(r.expr()));
        Set<String> used = PromqlNames.recorded(exprs);
        assertThat(used).isNotEmpty();
        assertThat(rules.recordNames()).containsAll(used);
    }

    @Test
    void dashboardShowsEveryPublishedMetric() {
        Set<String> missing = new TreeSet<>(published.keySet());
        missing.removeAll(PromqlNames.exposed(dashboard.allExpressions()));
        assertThat(missing).as("published metrics no dashboard panel shows").isEmpty();
    }

    private Set<String> unpublished(Set<String> used) {
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(published.keySet());
        return unknown;
    }
}
