package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The provisioning files are what grafana-server reads at start: apiVersion 1, a Prometheus datasource, a file provider. */
class ProvisioningTest {

    @Test
    void datasourceIsAPrometheusWithAUid() {
        JsonNode yaml = GrafanaFiles.readYaml(GrafanaFiles.provisioning().resolve("datasources/greentrain.yml"));
        assertThat(yaml.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(yaml.path("datasources")).hasSize(1);
        JsonNode datasource = yaml.path("datasources").get(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("access").asText()).isEqualTo("proxy");
        assertThat(datasource.path("uid").asText()).matches("[A-Za-z0-9_-]{1,40}");
        assertThat(datasource.path("url").asText()).startsWith("http");
        assertThat(datasource.path("name").asText()).isNotBlank();
    }

    @Test
    void dashboardProviderLoadsAFolderOfJsonFiles() {
        JsonNode yaml = GrafanaFiles.readYaml(GrafanaFiles.provisioning().resolve("dashboards/greentrain.yml"));
        assertThat(yaml.path("apiVersion").asInt()).isEqualTo(1);
        JsonNode provider = yaml.path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("name").asText()).isNotBlank();
        assertThat(provider.path("options").path("path").asText()).startsWith("/");
    }
}
