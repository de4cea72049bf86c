package io.greentrain.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.exporter.records.SparkApp;
import io.greentrain.exporter.status.AgentLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit push against a real Pushgateway (Debian prometheus-pushgateway) on a free loopback port. */
class PushgatewayExitIT {

    private static final String BINARY = "/usr/bin/prometheus-pushgateway";
    private static Process gateway;
    private static URI base;

    @TempDir
    static Path work;

    @BeforeAll
    static void startPushgateway() throws Exception {
        assumeTrue(new File(BINARY).canExecute() || System.getenv("CI") != null, BINARY + " not installed (.ci/run installs it)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        gateway = new ProcessBuilder(BINARY, "--web.listen-address=127.0.0.1:" + port,
                        "--persistence.file=") // Debian's build persists to /var/lib/prometheus by default
                .redirectErrorStream(true).redirectOutput(work.resolve("pushgateway.log").toFile()).start();
        base = URI.create("http://127.0.0.1:" + port);
        for (int i = 0; i < 150; i++) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("pushgateway not ready on " + base);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static GreenTrainConfig config(String arguments) {
        List<String> problems = new ArrayList<>();
        GreenTrainConfig config = GreenTrainConfig.resolve(Map.of(), Map.of(), arguments, problems::add);
        assertThat(problems).isEmpty();
        return config;
    }

    /** The Pushgateway's own exposition lines for {@code metric}. */
    private static List<String> pushed(String metric) throws IOException, InterruptedException {
        return get("/metrics").body().lines().filter(l -> l.startsWith(metric + "{")).collect(Collectors.toList());
    }

    @Test
    void finalValuesArriveGroupedByApplicationAndExecutorAndARepeatedPushReplacesThem() throws Exception {
        SparkApp app = new SparkApp("app-20261207-0001", "train", "3");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(SparkLabels.commonTags(app));
        Counter joules = Counter.builder("greentrain_training_energy").baseUnit("joules").register(registry);
        joules.increment(12.5);
        PushgatewayExit push = PushgatewayExit.configured(config("pushgateway.url=" + base), registry.getPrometheusRegistry(),
                app, "node-1", 4242);
        assertThat(push.groupUri().getPath()).startsWith("/metrics/job@base64/");
        assertThat(push.push()).isTrue();
        joules.increment(0.5);
        assertThat(push.push()).isTrue(); // the same group, replaced: 13.0 once, not 25.5

        List<String> lines = pushed("greentrain_training_energy_joules_total");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("job=\"greentrain\"").contains("spark_app_id=\"app-20261207-0001\"")
                .contains("spark_executor_id=\"3\"").endsWith(" 13");
    }

    @Test
    void outsideSparkTheGroupIsTheHostAndPid() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("greentrain_plain_job_runs").register(registry).increment(2);
        PushgatewayExit push = PushgatewayExit.configured(config("pushgateway.url=" + base + "/,pushgateway.job=batch/nightly"),
                registry.getPrometheusRegistry(), SparkApp.NONE, "node-2", 99);
        assertThat(push.push()).isTrue();
        assertThat(pushed("greentrain_plain_job_runs_total")).singleElement().asString()
                .contains("instance=\"node-2:99\"").contains("job=\"batch/nightly\"").endsWith(" 2");
    }

    @Test
    void anUnreachableGatewayIsOneCountedProblemWithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var counts = AgentLog.problemCounts().get("pushgateway\u0000push_failed");
        long before = counts == null ? 0 : counts.get();
        PushgatewayExit push = PushgatewayExit.configured(config("pushgateway.url=http://127.0.0.1:" + closed + ",pushgateway.timeout=500ms"),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).getPrometheusRegistry(), SparkApp.NONE, "h", 1);
        long start = System.nanoTime();
        assertThat(push.push()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(AgentLog.problemCounts().get("pushgateway\u0000push_failed").get()).isEqualTo(before + 1);
    }

    @Test
    void offByDefault() {
        assertThat(PushgatewayExit.configured(config(""), null, SparkApp.NONE, "h", 1)).isNull();
    }
}
