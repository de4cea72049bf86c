package io.greentrain.grafana;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code /metrics} endpoint in the test JVM that exposes every name MetricNames.java documents, with its
 * documented labels, in the Prometheus text format: counters grow with time, gauges hold steady. It lets
 * the dashboard and rules be run against a real Prometheus whatever state the agent is in.
 */
final class SyntheticExposition implements AutoCloseable {

    /** Values per label: two where the dashboard distinguishes them (measured vs estimated, success vs error). */
    private static final Map<String, List<String>> LABEL_VALUES = Map.ofEntries(
            Map.entry("component", List.of("cpu", "dram")),
            Map.entry("source", List.of("rapl", "estimate")),
            Map.entry("bound", List.of("low", "high")),
            Map.entry("device", List.of("0")),
            Map.entry("library", List.of("tribuo")),
            Map.entry("model", List.of("LogisticRegressionTrainer")),
            Map.entry("outcome", List.of("success", "error")),
            Map.entry("reason", List.of("unwritable")),
            Map.entry("zone", List.of("FR")),
            Map.entry("version", List.of("0.1.0-SNAPSHOT")),
            Map.entry("java_version", List.of("17")));

    private static final String SPARK_LABELS = "spark_app_id=\"app-20261207101500-0001\",spark_executor_id=\"1\"";

    private final HttpServer server;
    private final long startNanos = System.nanoTime();

    SyntheticExposition() throws IOException {
        Map<String, List<String>> metrics = PublishedMetrics.read();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = render(metrics, (System.nanoTime() - startNanos) / 1e9).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    static String render(Map<String, List<String>> metrics, double seconds) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((name, labels) -> {
            boolean counter = name.endsWith("_total") || name.endsWith("_count") || name.endsWith("_sum");
            String family = name.replaceAll("_total$", "");
            text.append("# TYPE ").append(family).append(counter ? " counter" : " gauge").append('\n');
            for (String labelSet : labelSets(labels)) {
                double value = name.endsWith("_info") ? 1 : counter ? 1 + 3.5 * seconds : 42;
                text.append(name).append(labelSet).append(' ').append(String.format(Locale.ROOT, "%.3f", value)).append('\n');
            }
        });
        return text.toString();
    }

    private static List<String> labelSets(List<String> labels) {
        List<String> sets = new ArrayList<>(List.of(""));
        for (String label : labels) {
            List<String> next = new ArrayList<>();
            for (String prefix : sets) {
                for (String value : LABEL_VALUES.getOrDefault(label, List.of("x"))) {
                    next.add(prefix + (prefix.isEmpty() ? "" : ",") + label + "=\"" + value + "\"");
                }
            }
            sets = next;
        }
        // as a Spark executor exposes them: the agent adds these two labels to every series in a Spark JVM
        return sets.stream().map(s -> "{" + s + (s.isEmpty() ? "" : ",") + SPARK_LABELS + "}").toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
