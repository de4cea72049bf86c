package io.greentrain.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Prometheus server (the Debian binary) for one test: a generated config that scrapes the given
 * loopback targets every second and loads the shipped rules, a free loopback port, its own data directory
 * under {@code workDir}. {@link #close} stops it and deletes what it wrote.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Path workDir;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path workDir, URI base) {
        this.process = process;
        this.workDir = workDir;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code targets} (host:port) as scrape job {@code job}, and waits until it is ready. */
    static PrometheusServer start(Path workDir, String job, List<String> targets) throws IOException, InterruptedException {
        Path binary = ExternalTool.require("prometheus");
        Files.createDirectories(workDir);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s"));
        config.put("rule_files", List.of(GrafanaFiles.rules().toString()));
        config.put("scrape_configs", List.of(Map.of("job_name", job, "static_configs", List.of(Map.of("targets", targets)))));
        Path configFile = workDir.resolve("prometheus.yml");
        GrafanaFiles.YAML.writeValue(configFile.toFile(), config);
        Path log = workDir.resolve("prometheus.log");
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Process process = new ProcessBuilder(binary.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + workDir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PrometheusServer server = new PrometheusServer(process, workDir, URI.create("http://127.0.0.1:" + port));
            try {
                server.awaitReady(Duration.ofSeconds(30));
                return server;
            } catch (IOException e) {
                lastFailure = e;
                server.stopProcess();
            }
        }
        deleteTree(workDir);
        throw lastFailure;
    }

    /** The data directory and log survive only until {@link #close}; their content helps a failing test. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("prometheus.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("prometheus not ready within " + timeout + ":\n" + logTail());
    }

    /** GET {@code /api/v1/...}; returns the whole JSON answer (status, data or errorType/error). */
    JsonNode api(String path, Map<String, String> params) throws IOException, InterruptedException {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/" + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return GrafanaFiles.JSON.readTree(response.body());
    }

    JsonNode query(String expr, Instant at) throws IOException, InterruptedException {
        return api("query", Map.of("query", expr, "time", seconds(at)));
    }

    JsonNode queryRange(String expr, Instant start, Instant end, Duration step) throws IOException, InterruptedException {
        return api("query_range", Map.of("query", expr, "start", seconds(start), "end", seconds(end),
                "step", step.toSeconds() + "s"));
    }

    /** The value of a scalar-ish instant query (first sample), or NaN when it returns nothing. */
    double value(String expr) throws IOException, InterruptedException {
        JsonNode result = query(expr, Instant.now()).path("data").path("result");
        return result.size() == 0 ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private static String seconds(Instant t) {
        return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void stopProcess() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopProcess();
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
