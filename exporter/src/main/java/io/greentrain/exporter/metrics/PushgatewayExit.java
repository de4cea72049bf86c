package io.greentrain.exporter.metrics;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.records.SparkApp;
import io.greentrain.exporter.status.AgentLog;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final values of every GreenTrain metric, pushed once at exit to a Prometheus Pushgateway: a JVM that lives less
 * than a scrape interval (a short Spark executor, a batch job) is otherwise never scraped, or scraped before its last
 * run ended. One PUT replaces this JVM's group, so a retried or repeated push never counts twice. The group is keyed
 * by Spark application and executor (one group per executor JVM, the same labels the metrics carry) or, outside Spark,
 * by {@code instance=<host>:<pid>}. Label values are sent base64url-encoded ({@code /label@base64/value}, the
 * Pushgateway's encoding for values that may contain '/').
 *
 * <p>Written with the JDK's HTTP client and client_java's own text-format writer: the client_java Pushgateway module is
 * not published for the client_java version Micrometer brings, and mixing versions inside the agent would break at
 * run time instead of build time.
 */
public final class PushgatewayExit {

    private final URI groupUri;
    private final Duration timeout;
    private final PrometheusRegistry registry;

    PushgatewayExit(URI groupUri, Duration timeout, PrometheusRegistry registry) {
        this.groupUri = groupUri;
        this.timeout = timeout;
        this.registry = registry;
    }

    /** The exit push the configuration asks for, or null when {@code greentrain.pushgateway.url} is empty. */
    public static PushgatewayExit configured(GreenTrainConfig config, PrometheusRegistry registry, SparkApp app, String host, long pid) {
        String url = config.get(Options.PUSHGATEWAY_URL);
        if (url.isEmpty()) {
            return null;
        }
        String job = config.get(Options.PUSHGATEWAY_JOB);
        if (job.isEmpty()) {
            AgentLog.problem("pushgateway", "bad_job", "invalid " + Options.PUSHGATEWAY_JOB.key() + "='': a non-empty job name is"
                    + " allowed; pushing under job '" + Options.PUSHGATEWAY_JOB.defaultValue() + "'");
            job = Options.PUSHGATEWAY_JOB.defaultValue();
        }
        return new PushgatewayExit(groupUri(url, job, groupingKey(app, host, pid)),
                config.get(Options.PUSHGATEWAY_TIMEOUT), registry);
    }

    /** One group per JVM: Spark application and executor where known, else host and pid. */
    static Map<String, String> groupingKey(SparkApp app, String host, long pid) {
        Map<String, String> key = new LinkedHashMap<>();
        if (!app.appId().isEmpty()) {
            key.put(SparkLabels.APP_ID, app.appId());
            key.put(SparkLabels.EXECUTOR_ID, app.executorId().isEmpty() ? host + ":" + pid : app.executorId());
        } else {
            key.put("instance", host + ":" + pid);
        }
        return key;
    }

    static URI groupUri(String base, String job, Map<String, String> key) {
        StringBuilder path = new StringBuilder(base.replaceAll("/+$", "")).append("/metrics/job@base64/").append(b64(job));
        key.forEach((label, value) -> path.append('/').append(label).append("@base64/").append(b64(value)));
        return URI.create(path.toString());
    }

    private static String b64(String value) {
        // the Pushgateway reads '=' as padding; an empty value must be sent as a single '='
        return value.isEmpty() ? "=" : Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    public URI groupUri() {
        return groupUri;
    }

    /** Pushes now; a failure is one warning and a counted problem, never an exception (the JVM is exiting). */
    public boolean push() {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(body, registry.scrape(), io.prometheus.metrics.config.EscapingScheme.ALLOW_UTF8);
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(groupUri).timeout(timeout)
                    .header("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                AgentLog.problem("pushgateway", "rejected", "final metrics not pushed to " + groupUri + ": HTTP " + response.statusCode()
                        + " " + response.body().trim());
                return false;
            }
            AgentLog.info("final metrics pushed to " + groupUri);
            return true;
        } catch (IOException | RuntimeException e) {
            AgentLog.problem("pushgateway", "push_failed", "final metrics not pushed to " + groupUri + " ("
                    + Options.PUSHGATEWAY_URL.key() + "): " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
