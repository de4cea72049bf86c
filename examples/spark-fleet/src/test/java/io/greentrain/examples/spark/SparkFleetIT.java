package io.greentrain.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet promise end to end, all real and on loopback: a Spark standalone cluster (Master and two Workers from
 * Maven Central's jars), the agent on the driver and on every executor, a Prometheus that finds the executors only
 * through file_sd target files the agents write, and a Pushgateway that receives each executor's final values at
 * exit. A long application (executors held open while the test looks at the targets) and a short one (its executors
 * live a few seconds, less than the direct scrape interval) train one model per partition.
 */
class SparkFleetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    @Test
    void executorsAreDiscoveredShortOnesArePushedAndPrometheusSumsEqualTheRecords() throws Exception {
        SparkLayout layout = SparkLayout.fromSystemProperties();
        Path targets = Files.createDirectories(dir.resolve("file-sd"));
        Path records = Files.createDirectories(dir.resolve("records"));
        try (LoopbackServer pushgateway = LoopbackServer.start("/usr/bin/prometheus-pushgateway",
                                // Debian's build persists to /var/lib/prometheus by default: a test's pushes must not outlive it
                List.of("--web.listen-address=127.0.0.1:{port}", "--persistence.file="), dir.resolve("pushgateway"));
             LoopbackServer prometheus = LoopbackServer.start("/usr/bin/prometheus", List.of(
                     "--config.file=" + prometheusConfig(targets, pushgateway), "--storage.tsdb.path=data",
                     "--web.listen-address=127.0.0.1:{port}", "--log.level=warn"), dir.resolve("prometheus"));
             SparkStandaloneCluster cluster = SparkStandaloneCluster.start(layout, dir.resolve("cluster"), 2)) {
            String agent = "-javaagent:" + layout.agentJar() + "=prometheus.port=0,prometheus.host=127.0.0.1,discovery.dir=" + targets
                    + ",pushgateway.url=" + pushgateway.base + ",records.file=" + records + "/greentrain-{host}-{pid}.jsonl"
                    + ",console.enabled=false,carbon.zone=FR";

            // the long application: trains, then holds its executors until released
            Path release = dir.resolve("release");
            SparkSubmit.Driver longApp = SparkSubmit.to(cluster, 2).driverJvmArgs(agent).executorJavaOptions(agent)
                    .jobArgs("--library", "smile", "--partitions", "2", "--await", release.toString(), "--app-name", "fleet-long")
                    .start("long");
            await("the long application trained", SUBMIT_TIMEOUT, () -> Files.exists(Path.of(release + ".trained")), longApp);
            // the driver announces itself too when it loads a training library (here: Smile, for the closure)
            List<Long> executorPids = cluster.executorProcesses().stream().map(ProcessHandle::pid).collect(Collectors.toList());
            assertThat(executorPids).hasSize(2);
            await("both executors (and any agent JVM with a target file) are Prometheus targets found through file_sd, and up",
                    Duration.ofSeconds(30), () -> targetPids(targets).containsAll(executorPids)
                            && upTargets(prometheus, "greentrain-spark") == targetFiles(targets).size(), longApp);
            System.out.println("[spark-fleet] targets while the long application runs: " + targetFiles(targets));
            Files.createFile(release);
            assertThat(longApp.awaitExit(SUBMIT_TIMEOUT)).as(longApp.failureReport()).isZero();
            await("the executors removed their target files at exit", Duration.ofSeconds(30),
                    () -> targetFiles(targets).isEmpty() && cluster.executorProcesses().isEmpty(), longApp);
            await("Prometheus dropped the exited targets", Duration.ofSeconds(20),
                    () -> upTargets(prometheus, "greentrain-spark") == 0, longApp);

            // the short application: its executors start, train a small model and go, between two direct scrapes
            long shortStart = System.nanoTime();
            SparkSubmit.Driver shortApp = SparkSubmit.to(cluster, 2).driverJvmArgs(agent).executorJavaOptions(agent)
                    .jobArgs("--library", "tribuo", "--partitions", "2", "--app-name", "fleet-short").start("short");
            assertThat(shortApp.awaitExit(SUBMIT_TIMEOUT)).as(shortApp.failureReport()).isZero();
            await("the short application's executors exited", Duration.ofSeconds(30), () -> cluster.executorProcesses().isEmpty(),
                    shortApp);
            System.out.printf("[spark-fleet] short application: %.1f s from submit to its executors' exit%n",
                    (System.nanoTime() - shortStart) / 1e9);

            Map<String, Double> recorded = recordedJoulesPerApplication(records);
            assertThat(recorded).as("runs recorded per application in " + records).hasSize(2);
            String sum = "sum by (spark_app_id) (max without (job, instance) (max_over_time("
                    + "greentrain_training_energy_joules_total{spark_app_id!=\"\"}[15m])))";
            await("Prometheus has every executor's final training energy (direct scrapes and the Pushgateway)",
                    Duration.ofSeconds(30), () -> agree(prometheus, sum, recorded), longApp);
            Map<String, Double> queried = perApplication(prometheus, sum);
            recorded.forEach((app, joules) -> assertThat(queried.get(app)).as("Prometheus sum for " + app)
                    .isCloseTo(joules, within(joules * 0.01)));
            JsonNode pushed = prometheus.query(
                    "count by (spark_app_id) (greentrain_training_energy_joules_total{job=\"greentrain\", spark_app_id!=\"\"})");
            System.out.println("[spark-fleet] pushed groups: " + pushed);
            List<String> pushedApps = new java.util.ArrayList<>();
            pushed.forEach(g -> pushedApps.add(g.path("metric").path("spark_app_id").asText()));
            assertThat(pushedApps).as("both applications' executors pushed their final values, and nothing else is there")
                    .containsExactlyInAnyOrderElementsOf(recorded.keySet());

            // report over the whole directory: per application, the sum of its runs
            Process report = new ProcessBuilder(SparkLayout.java(), "-jar", layout.agentJar().toString(), "report", records.toString())
                    .redirectErrorStream(true).start();
            String out = new String(report.getInputStream().readAllBytes());
            assertThat(report.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(report.exitValue()).as(out).isZero();
            String apps = out.substring(out.indexOf("Per Spark application"), out.indexOf("Per Spark executor"));
            assertThat(apps).contains("fleet-long").contains("fleet-short");
            recorded.keySet().forEach(app -> assertThat(apps).contains(app));
            System.out.println("[spark-fleet] report:\n" + out);
        }
    }

    private static Path prometheusConfig(Path targets, LoopbackServer pushgateway) throws IOException {
        Path config = targets.getParent().resolve("prometheus.yml");
        // the executors' direct scrape is deliberately slower than the short executors live: their final values
        // must come from the Pushgateway
        Files.writeString(config, String.join("\n",
                "global: {scrape_interval: 10s, scrape_timeout: 5s}",
                "scrape_configs:",
                "  - job_name: greentrain-spark",
                "    file_sd_configs: [{files: ['" + targets + "/*.json'], refresh_interval: 1s}]",
                "  - job_name: pushgateway",
                "    honor_labels: true",
                "    scrape_interval: 1s",
                "    static_configs: [{targets: ['" + pushgateway.base.getAuthority() + "']}]", ""));
        return config;
    }

    private static int upTargets(LoopbackServer prometheus, String job) {
        try {
            JsonNode active = JSON.readTree(prometheus.get("/api/v1/targets?state=active").body()).path("data").path("activeTargets");
            int up = 0;
            for (JsonNode t : active) {
                if (job.equals(t.path("labels").path("job").asText()) && "up".equals(t.path("health").asText())) {
                    up++;
                }
            }
            return up;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static List<Path> targetFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> targetPids(Path dir) {
        return targetFiles(dir).stream().map(p -> p.getFileName().toString().replaceAll(".*-(\\d+)\\.json$", "$1"))
                .map(Long::parseLong).collect(Collectors.toList());
    }

    /** Run records (kind=run) of every JVM's file, total joules per spark_app_id. */
    private static Map<String, Double> recordedJoulesPerApplication(Path records) throws IOException {
        Map<String, Double> joules = new HashMap<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.collect(Collectors.toList())) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode run = JSON.readTree(line);
                    if (!"run".equals(run.path("kind").asText()) || run.path("spark_app_id").asText().isEmpty()) {
                        continue;
                    }
                    double total = 0;
                    for (JsonNode e : run.path("energy")) {
                        total += e.path("joules").asDouble();
                    }
                    joules.merge(run.path("spark_app_id").asText(), total, Double::sum);
                }
            }
        }
        return joules;
    }

    private static Map<String, Double> perApplication(LoopbackServer prometheus, String promql) throws IOException, InterruptedException {
        Map<String, Double> values = new HashMap<>();
        for (JsonNode sample : prometheus.query(promql)) {
            values.put(sample.path("metric").path("spark_app_id").asText(), sample.path("value").get(1).asDouble());
        }
        return values;
    }

    private static boolean agree(LoopbackServer prometheus, String promql, Map<String, Double> recorded) {
        try {
            Map<String, Double> queried = perApplication(prometheus, promql);
            return recorded.entrySet().stream().allMatch(e -> queried.containsKey(e.getKey())
                    && Math.abs(queried.get(e.getKey()) - e.getValue()) <= e.getValue() * 0.01);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition, SparkSubmit.Driver driver)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + driver.failureReport());
            }
            Thread.sleep(250);
        }
    }
}
