package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * End to end: a Tribuo training job runs in its own JVM with the agent attached
 * ({@code -javaagent:greentrain-agent.jar=prometheus.port=0,...}); a real Prometheus scrapes the port the
 * agent logs and evaluates the shipped rules; then every dashboard panel query, variable query and rule
 * expression runs through Prometheus's HTTP API. No query may fail, no panel may be without data, and
 * every metric name the dashboard and rules use must be in the agent's real exposition. The job is made
 * to produce one failed training call and one GreenTrain degradation (an unwritable records file), so
 * the error panels have data too. Everything started here is stopped here.
 */
class DashboardEndToEndIT {

    private static final Pattern METRICS_LINE = Pattern.compile("greentrain: metrics on https?://([^/\\s]+)/metrics");
    private static final Duration JOB_LIMIT = Duration.ofSeconds(180);

    @Test
    @Disabled("waiting for agent: its jar publishes only greentrain_build_info and the two CPU counters so far; "
            + "no Tribuo training call is counted and the energy, carbon, training, forecast, sensor and agent-error "
            + "metrics are missing. Remove this line when the agent charges training calls.")
    void everyPanelHasDataFromATrainingJobWithTheAgent() throws Exception {
        Path agentJar = Path.of(System.getProperty("greentrain.agent.jar", "../agent/dist/target/greentrain-agent.jar"));
        assertThat(agentJar).as("the agent jar (mvn -pl agent/dist -am package builds it)").isRegularFile();
        Path work = Files.createTempDirectory("greentrain-e2e-");
        Path stopFile = work.resolve("stop");
        // a records file GreenTrain cannot create: one counted degradation for the "Errors" panel
        Path notADirectory = Files.writeString(work.resolve("not-a-directory"), "");
        String agentArguments = String.join(",",
                "prometheus.port=0",
                "prometheus.host=127.0.0.1",
                "records.file=" + notADirectory.resolve("calls.jsonl"),
                "carbon.zone=FR");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar.toAbsolutePath() + "=" + agentArguments,
                "-cp", jobClasspath(),
                TribuoTrainingJob.class.getName(), stopFile.toString(), String.valueOf(JOB_LIMIT.toSeconds()));
        Process job = new ProcessBuilder(command).redirectOutput(work.resolve("job.out").toFile()).start();
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> target = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStderr(job, stderr, target), "job-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            String scrapeTarget = awaitTarget(target, job, stderr);
            try (PrometheusServer prometheus = PrometheusServer.start(work.resolve("prometheus"), "greentrain", List.of(scrapeTarget))) {
                Instant start = Instant.now();
                Scrapes.await(prometheus, 10, Duration.ofSeconds(60));
                // Several training calls, then enough scrapes after them for every rate() window.
                boolean trained = reaches(prometheus, "sum(greentrain_training_calls_total)", 3, Duration.ofSeconds(60));
                Thread.sleep(QueryCheck.RATE_INTERVAL.plusSeconds(2).toMillis());
                Dashboard dashboard = Dashboard.load();
                RuleFile rules = RuleFile.load();
                QueryCheck check = new QueryCheck(prometheus, start, Instant.now()).dashboard(dashboard).rules(rules);
                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(trained).as("the agent counted 3 training calls within 60 s").isTrue();
                softly.assertThat(check.clean()).as("queries that failed or found no data: " + check.report()).isTrue();
                softly.assertThat(check.namesMissingFromScrape(dashboard, rules))
                        .as("metric names the dashboard or rules use that the agent's exposition lacks").isEmpty();
                Files.writeString(stopFile, "");
                boolean stopped = job.waitFor(30, TimeUnit.SECONDS);
                softly.assertThat(stopped).as("the job stops when asked").isTrue();
                if (stopped) {
                    softly.assertThat(job.exitValue()).as("the job's exit status with the agent; stderr:\n" + String.join("\n", stderr)).isZero();
                }
                softly.assertAll();
            }
        } finally {
            job.destroy();
            if (!job.waitFor(10, TimeUnit.SECONDS)) {
                job.destroyForcibly();
            }
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The test classpath without GreenTrain itself: what a user's training job would have. */
    private static String jobClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path project = GrafanaFiles.projectDir();
        Path module = GrafanaFiles.moduleDir();
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> {
                    Path path = Path.of(entry).toAbsolutePath().normalize();
                    boolean otherModule = path.startsWith(project) && !path.startsWith(module);
                    return !otherModule && !path.getFileName().toString().startsWith("greentrain-");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void readStderr(Process job, List<String> lines, CompletableFuture<String> target) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(job.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                Matcher m = METRICS_LINE.matcher(line);
                if (m.find()) {
                    target.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            target.completeExceptionally(e);
        }
        target.completeExceptionally(new IllegalStateException("the job closed stderr without a 'greentrain: metrics on' line"));
    }

    private static String awaitTarget(CompletableFuture<String> target, Process job, List<String> stderr) throws Exception {
        try {
            return target.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("no 'greentrain: metrics on http://HOST:PORT/metrics' line on the job's stderr within 60 s"
                    + (job.isAlive() ? "" : " (job exited with " + job.exitValue() + ")") + "; stderr:\n" + String.join("\n", stderr), e);
        }
    }

    private static boolean reaches(PrometheusServer prometheus, String expr, double atLeast, Duration timeout) throws Exception {
        try {
            Scrapes.until(prometheus, expr, atLeast, timeout);
            return true;
        } catch (AssertionError notReached) {
            return false;
        }
    }
}
