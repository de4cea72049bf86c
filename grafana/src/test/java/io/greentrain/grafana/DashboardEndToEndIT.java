package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * End to end: a training job ({@link TrainingJob}: Tribuo calls and one DL4J {@code fit(iterator, epochs)}) runs in
 * its own JVM with the agent attached ({@code -javaagent:greentrain-agent.jar=prometheus.port=0,...}); a real
 * Prometheus scrapes the port the agent logs and evaluates the shipped rules; then every dashboard panel query,
 * variable query and rule expression runs through Prometheus's HTTP API over the time range of the run. No query
 * may fail, no panel may be without data, and every metric name the dashboard and rules use must be in the agent's
 * real exposition. The job is made to produce one failed training call and one GreenTrain degradation (an
 * unwritable records file), so the error panels have data too. The job trains only once Prometheus scrapes it (a
 * start file), so every call happens inside the checked time range. Everything started here is stopped here.
 *
 * <p>What "has data" means for the epoch and forecast panels. The forecast gauges
 * ({@code greentrain_training_forecast_energy_joules}, {@code _emissions_grams}) exist only once a call with a
 * known epoch count (DL4J {@code fit(iterator, n)}) finished its first epoch; when the call ends the agent sets them
 * to 0 and keeps them (TrainingMetrics.forecastCleared), and every ended call, Tribuo's included, registers them at
 * 0. So a forecast panel queried at the end of the run, or one that only shows zeros over the run, would "have
 * data" while showing nothing of a forecast. Here the forecast panels are range queries over the whole run, like
 * Grafana's time range, and each must show a forecast above 0 at {@link #MIN_FORECAST_POINTS} or more steps (1 s,
 * the scrape interval): the DL4J call ran {@link #EPOCHS} epochs of {@code TrainingJob.EPOCH}, and Prometheus saw
 * its forecast while it ran. "Epochs completed" must reach {@link #EPOCHS}.
 */
class DashboardEndToEndIT {

    private static final Pattern METRICS_LINE = Pattern.compile("greentrain: metrics on https?://([^/\\s]+)/metrics");
    private static final Duration JOB_LIMIT = Duration.ofSeconds(180);
    /** Epochs of the DL4J call: the forecast exists from the end of the first to the end of the last. */
    static final int EPOCHS = 6;
    /** Steps (1 s) at which a forecast panel must show a forecast above 0: more than 2 scrape intervals. */
    static final int MIN_FORECAST_POINTS = 3;
    /** Panel title to the metric its checked queries read. */
    static final Map<String, String> FORECAST_PANELS = Map.of(
            "Forecast CO2e of running calls", "greentrain_training_forecast_emissions_grams",
            "Forecast energy of running calls", "greentrain_training_forecast_energy_joules");

    @Test
    void everyPanelHasDataFromATrainingJobWithTheAgent() throws Exception {
        Path work = Files.createTempDirectory("greentrain-e2e-");
        Path stopFile = work.resolve("stop");
        Path startFile = work.resolve("start");
        Path jobOut = work.resolve("job.out");
        Process job = null;
        try {
            Path agentJar = agentJarCopy(work);
            // a records file GreenTrain cannot create: one counted degradation for the "Errors" panel
            Path notADirectory = Files.writeString(work.resolve("not-a-directory"), "");
            String agentArguments = String.join(",",
                    "prometheus.port=0",
                    "prometheus.host=127.0.0.1",
                    "records.file=" + notADirectory.resolve("calls.jsonl"),
                    "carbon.zone=FR",
                    // The duration panel rates run durations, which reach the timer when a run ends: with a gap
                    // shorter than TrainingJob's 300 ms pause every Tribuo call of its loop is a run of its own (the
                    // default, 60 s, would make the loop one run that ends when the job does). Running runs reach
                    // the counters every second instead of every 10 s.
                    "runs.gap=200ms",
                    "progress.interval=1s");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-javaagent:" + agentJar + "=" + agentArguments,
                    "-cp", jobClasspath(),
                    TrainingJob.class.getName(), stopFile.toString(), startFile.toString(),
                    String.valueOf(JOB_LIMIT.toSeconds()), String.valueOf(EPOCHS));
            job = new ProcessBuilder(command).redirectOutput(jobOut.toFile()).start();
            List<String> stderr = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String> target = new CompletableFuture<>();
            Process started = job;
            Thread reader = new Thread(() -> readStderr(started, stderr, target), "job-stderr");
            reader.setDaemon(true);
            reader.start();
            String scrapeTarget = awaitTarget(target, job, stderr);
            try (PrometheusServer prometheus = PrometheusServer.start(work.resolve("prometheus"), "greentrain", List.of(scrapeTarget))) {
                Instant start = Instant.now();
                Scrapes.await(prometheus, 5, Duration.ofSeconds(60));
                Files.writeString(startFile, "");
                // The failed call, the DL4J call (EPOCHS x TrainingJob.EPOCH), several Tribuo calls, then enough
                // scrapes after them for every rate() window.
                boolean dl4j = reaches(prometheus, "sum(greentrain_training_calls_total{library=\"dl4j\"})", 1, Duration.ofSeconds(90));
                boolean tribuo = reaches(prometheus,
                        "sum(greentrain_training_calls_total{library=\"tribuo\", outcome=\"success\"})", 3, Duration.ofSeconds(60));
                Thread.sleep(QueryCheck.RATE_INTERVAL.plusSeconds(2).toMillis());
                Dashboard dashboard = Dashboard.load();
                RuleFile rules = RuleFile.load();
                QueryCheck check = new QueryCheck(prometheus, start, Instant.now()).outsideSpark().dashboard(dashboard).rules(rules);
                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(dl4j).as("the agent counted the DL4J fit(iterator, %d) within 90 s; job stdout:%n%s",
                        EPOCHS, jobOutput(jobOut)).isTrue();
                softly.assertThat(tribuo).as("the agent counted 3 successful Tribuo training calls within 60 s").isTrue();
                softly.assertThat(check.clean()).as("queries that failed or found no data: " + check.report()).isTrue();
                softly.assertThat(check.namesMissingFromScrape(dashboard, rules))
                        .as("metric names the dashboard or rules use that the agent's exposition lacks").isEmpty();
                for (Map.Entry<String, String> panel : FORECAST_PANELS.entrySet()) {
                    for (Dashboard.PanelQuery q : panelQueries(dashboard, panel.getKey(), panel.getValue())) {
                        softly.assertThat(check.values(q).stream().filter(v -> v > 0).count())
                                .as("%s: steps that show a forecast above 0 while the DL4J call ran", q.where())
                                .isGreaterThanOrEqualTo(MIN_FORECAST_POINTS);
                    }
                }
                for (Dashboard.PanelQuery q : panelQueries(dashboard, "Epochs completed", "greentrain_training_epochs_total")) {
                    softly.assertThat(check.values(q).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN))
                            .as("%s: the most epochs shown", q.where()).isEqualTo(EPOCHS);
                }
                Files.writeString(stopFile, "");
                boolean stopped = job.waitFor(30, TimeUnit.SECONDS);
                softly.assertThat(stopped).as("the job stops when asked").isTrue();
                if (stopped) {
                    softly.assertThat(job.exitValue()).as("the job's exit status with the agent; stderr:\n" + String.join("\n", stderr)
                            + "\nstdout:\n" + jobOutput(jobOut)).isZero();
                }
                softly.assertAll();
            }
        } finally {
            if (job != null) {
                job.destroy();
                if (!job.waitFor(10, TimeUnit.SECONDS)) {
                    job.destroyForcibly();
                }
            }
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The queries of the panel with this title that read {@code metric}; fails when there are none. */
    private static List<Dashboard.PanelQuery> panelQueries(Dashboard dashboard, String title, String metric) {
        List<Dashboard.PanelQuery> queries = dashboard.panelQueries().stream()
                .filter(q -> q.panel().equals(title) && q.expr().contains(metric))
                .collect(Collectors.toList());
        assertThat(queries).as("queries of panel \"%s\" that read %s", title, metric).isNotEmpty();
        return queries;
    }

    /**
     * A private copy of the agent jar: other builds in the same checkout may rebuild agent/dist/target while this
     * test runs. Retries while the jar is missing or half-written (no Premain-Class in its manifest).
     */
    private static Path agentJarCopy(Path work) throws Exception {
        Path agentJar = Path.of(System.getProperty("greentrain.agent.jar", "../agent/dist/target/greentrain-agent.jar"));
        Path copy = work.resolve("greentrain-agent.jar");
        Instant deadline = Instant.now().plusSeconds(60);
        Exception last = null;
        do {
            try {
                Files.copy(agentJar, copy, StandardCopyOption.REPLACE_EXISTING);
                try (JarFile jar = new JarFile(copy.toFile())) {
                    if (jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Premain-Class") != null) {
                        return copy.toAbsolutePath();
                    }
                }
                last = new IOException(agentJar + " has no Premain-Class");
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(2000);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no usable agent jar at " + agentJar.toAbsolutePath()
                + " (mvn -pl agent/dist -am install -DskipTests builds it)", last);
    }

    private static String jobOutput(Path jobOut) {
        try {
            return Files.readString(jobOut);
        } catch (IOException e) {
            return "(no stdout: " + e.getMessage() + ")";
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
