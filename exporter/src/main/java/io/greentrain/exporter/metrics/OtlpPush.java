package io.greentrain.exporter.metrics;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import io.greentrain.exporter.threads.DaemonThreads;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The metrics pushed over OTLP by Micrometer's {@link OtlpMeterRegistry}, configured the OpenTelemetry way. Micrometer
 * itself reads the {@code OTEL_EXPORTER_OTLP_*}, {@code OTEL_METRIC_EXPORT_INTERVAL}, {@code OTEL_RESOURCE_ATTRIBUTES}
 * and {@code OTEL_SERVICE_NAME} environment variables; this class adds the {@code otel.*} system properties of the
 * OpenTelemetry SDK's autoconfiguration, which win over the environment as they do there. The registry pushes on its
 * own daemon thread every interval and once more when it closes, so a short JVM's last values are sent.
 */
public final class OtlpPush {

    private OtlpPush() {
    }

    /** Whether the configuration asks for OTLP: {@code greentrain.otlp.enabled}, or {@code auto} and an endpoint set. */
    static boolean wanted(GreenTrainConfig config, Map<String, String> env, UnaryOperator<String> properties) {
        String enabled = config.get(Options.OTLP_ENABLED);
        if (!"auto".equals(enabled)) {
            return Boolean.parseBoolean(enabled);
        }
        String exporter = first(properties.apply("otel.metrics.exporter"), env.get("OTEL_METRICS_EXPORTER"));
        if (exporter != null && exporter.trim().equalsIgnoreCase("none")) {
            return false;
        }
        return first(properties.apply("otel.exporter.otlp.metrics.endpoint"), properties.apply("otel.exporter.otlp.endpoint"),
                env.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"), env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) != null;
    }

    /** The registry, started, or null when OTLP is not wanted or cannot start (after one {@code greentrain:} line). */
    public static OtlpMeterRegistry start(GreenTrainConfig config) {
        if (!wanted(config, System.getenv(), System::getProperty)) {
            return null;
        }
        try {
            OtlpConfig otlp = new SystemPropertiesConfig(System::getProperty);
            OtlpMeterRegistry registry = OtlpMeterRegistry.builder(otlp).clock(Clock.SYSTEM)
                    .threadFactory(DaemonThreads.named("greentrain-otlp")).build();
            AgentLog.info("metrics pushed over OTLP to " + otlp.url() + " every " + otlp.step().getSeconds() + " s");
            return registry;
        } catch (RuntimeException | LinkageError e) {
            AgentLog.problem("otlp", "start_failed", "OTLP push not started (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check the OTEL_EXPORTER_OTLP_* variables or otel.* properties");
            return null;
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.trim().isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /**
     * Micrometer's keys answered from the OpenTelemetry SDK's system properties; a key left null falls back to
     * Micrometer's own reading of the {@code OTEL_*} environment variables, then to its defaults.
     */
    static final class SystemPropertiesConfig implements OtlpConfig {
        private final UnaryOperator<String> properties;

        SystemPropertiesConfig(UnaryOperator<String> properties) {
            this.properties = properties;
        }

        @Override
        public String get(String key) {
            switch (key) {
                case "otlp.url": {
                    String metrics = first(properties.apply("otel.exporter.otlp.metrics.endpoint"));
                    if (metrics != null) {
                        return metrics;
                    }
                    String base = first(properties.apply("otel.exporter.otlp.endpoint"));
                    return base == null ? null : (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/metrics";
                }
                case "otlp.step": {
                    String millis = first(properties.apply("otel.metric.export.interval"));
                    return millis == null ? null : millis.trim() + "ms";
                }
                case "otlp.headers":
                    return first(properties.apply("otel.exporter.otlp.metrics.headers"), properties.apply("otel.exporter.otlp.headers"));
                case "otlp.resourceAttributes": {
                    String attributes = first(properties.apply("otel.resource.attributes"));
                    String service = first(properties.apply("otel.service.name"));
                    if (service == null) {
                        return attributes;
                    }
                    return (attributes == null ? "" : attributes + ",") + "service.name=" + service.trim();
                }
                default:
                    return null;
            }
        }
    }
}
