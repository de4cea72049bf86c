package io.greentrain.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.status.AgentLog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {

    @Test
    void scrapeHasBuildInfoProcessCpuAndProblemsThatHappenAfterBinding() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProcessMetrics.registerBuildInfo(registry.getPrometheusRegistry());
        new ProcessMetrics().bindTo(registry);

        AgentLog.problem("testcomponent", "late_reason", "a problem after the registry was built");
        AgentLog.problem("testcomponent", "late_reason", "the same problem again");

        String scrape = registry.scrape();
        assertThat(scrape).contains("greentrain_build_info{java_version=")
                .contains("greentrain_process_cpu_seconds_total ")
                .contains("greentrain_agent_errors_total{component=\"testcomponent\",reason=\"late_reason\"} 2.0");
    }
}
