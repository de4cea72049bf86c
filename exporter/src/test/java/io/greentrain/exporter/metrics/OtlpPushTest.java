package io.greentrain.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpPushTest {

    private static final GreenTrainConfig AUTO = GreenTrainConfig.defaults();

    @Test
    void autoIsOnWhenAnEndpointIsConfiguredTheOpenTelemetryWay() {
        assertThat(OtlpPush.wanted(AUTO, Map.of(), k -> null)).isFalse();
        assertThat(OtlpPush.wanted(AUTO, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), k -> null)).isTrue();
        assertThat(OtlpPush.wanted(AUTO, Map.of("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://c:4318/v1/metrics"), k -> null)).isTrue();
        assertThat(OtlpPush.wanted(AUTO, Map.of(), k -> k.equals("otel.exporter.otlp.endpoint") ? "http://c:4318" : null)).isTrue();
        assertThat(OtlpPush.wanted(AUTO, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_METRICS_EXPORTER", "none"), k -> null))
                .as("OTEL_METRICS_EXPORTER=none switches metrics export off, as in the OpenTelemetry SDK").isFalse();
    }

    @Test
    void explicitSettingWinsOverAuto() {
        assertThat(OtlpPush.wanted(AUTO.with(Options.OTLP_ENABLED, "false"), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"), k -> null))
                .isFalse();
        assertThat(OtlpPush.wanted(AUTO.with(Options.OTLP_ENABLED, "true"), Map.of(), k -> null)).isTrue();
    }

    @Test
    void otelSystemPropertiesMapToMicrometersKeys() {
        Map<String, String> properties = Map.of("otel.exporter.otlp.endpoint", "http://collector:4318/",
                "otel.metric.export.interval", "5000", "otel.exporter.otlp.headers", "api-key=secret",
                "otel.resource.attributes", "deployment.environment=ci", "otel.service.name", "trainer");
        OtlpPush.SystemPropertiesConfig config = new OtlpPush.SystemPropertiesConfig(properties::get);
        assertThat(config.url()).isEqualTo("http://collector:4318/v1/metrics");
        assertThat(config.step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.headers()).containsEntry("api-key", "secret");
        assertThat(config.resourceAttributes()).containsEntry("deployment.environment", "ci").containsEntry("service.name", "trainer");
    }

    @Test
    void theMetricsEndpointPropertyIsTakenAsItIs() {
        OtlpPush.SystemPropertiesConfig config = new OtlpPush.SystemPropertiesConfig(
                Map.of("otel.exporter.otlp.metrics.endpoint", "http://c:9999/custom", "otel.exporter.otlp.endpoint", "http://other:1")::get);
        assertThat(config.url()).isEqualTo("http://c:9999/custom");
    }
}
