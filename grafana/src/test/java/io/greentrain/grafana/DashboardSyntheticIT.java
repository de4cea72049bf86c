package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and rules against a real Prometheus that scrapes a synthetic exposition of every documented
 * metric: every query parses and runs, every panel has data, every rule evaluates healthily. This proves the
 * queries themselves; {@link DashboardEndToEndIT} proves them against the agent.
 */
class DashboardSyntheticIT {

    @Test
    void everyPanelAndRuleWorksOnTheDocumentedMetrics() throws Exception {
        Path work = Files.createTempDirectory("greentrain-prometheus-");
        try (SyntheticExposition exposition = new SyntheticExposition();
             PrometheusServer prometheus = PrometheusServer.start(work, "greentrain", List.of(exposition.target()))) {
            Instant start = Instant.now();
            Scrapes.await(prometheus, 12, Duration.ofSeconds(60));
            QueryCheck check = new QueryCheck(prometheus, start, Instant.now())
                    .dashboard(Dashboard.load()).rules(RuleFile.load());
            assertThat(check.clean()).as("queries that failed or found no data: " + check.report()).isTrue();
            assertThat(check.namesMissingFromScrape(Dashboard.load(), RuleFile.load())).isEmpty();
        }
    }
}
