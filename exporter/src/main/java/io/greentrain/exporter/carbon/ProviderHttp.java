package io.greentrain.exporter.carbon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentrain.exporter.threads.DaemonThreads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP exchange both providers share: one GET with a connect and a response timeout, a 2xx status and
 * a JSON body, each failure turned into an {@link IntensityUnavailableException} with a bounded reason.
 * Header values (the Electricity Maps token) are sent but never appear in messages.
 */
final class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_MESSAGE = 160;

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("provider timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        // our own daemon worker threads: never keep the job's JVM alive, and named greentrain-* for the CPU metric
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newCachedThreadPool(DaemonThreads.named("greentrain-carbon-http")))
                .build();
    }

    JsonNode getJson(URI uri, Map<String, String> headers, String secret) throws IntensityUnavailableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IntensityUnavailableException("timeout", "no answer from " + uri + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new IntensityUnavailableException("unreachable", "cannot reach " + uri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntensityUnavailableException("unreachable", "interrupted while asking " + uri, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new IntensityUnavailableException("unauthorized", "HTTP " + status + " from " + uri
                    + " (check the API token)" + snippet(response.body(), secret), null);
        }
        if (status < 200 || status > 299) {
            throw new IntensityUnavailableException("http_error", "HTTP " + status + " from " + uri + snippet(response.body(), secret), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IntensityUnavailableException("malformed", "body from " + uri + " is not JSON" + snippet(response.body(), secret), e);
        }
    }

    /** The intensity at {@code field} of {@code node}: a finite number >= 0, else a malformed-body failure. */
    static double intensity(JsonNode node, String field, URI uri) throws IntensityUnavailableException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            throw new IntensityUnavailableException("malformed", "no numeric '" + field + "' >= 0 in the answer from " + uri
                    + ": " + (value == null ? "missing" : value.toString()), null);
        }
        return value.asDouble();
    }

    private static String snippet(String body, String secret) {
        if (body == null || body.trim().isEmpty()) {
            return "";
        }
        String text = body.trim().replaceAll("\\s+", " ");
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "<secret>");
        }
        return ": " + (text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..." : text);
    }

    static String trimSlash(String base) {
        String b = base.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }
}
