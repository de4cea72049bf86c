package io.greentrain.examples.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A real Spark standalone cluster on loopback: one {@code Master} and {@code n} {@code Worker}s (1 core, 1 GB each),
 * every one a separate JVM on Spark's own class path ({@link SparkLayout#sparkClassPath}). Executors are JVMs the
 * Workers fork ({@code CoarseGrainedExecutorBackend}) in their work directories under {@code workDir}. Submit jobs
 * with {@link SparkSubmit}; {@link #close} stops Workers (and their executors), then the Master.
 */
final class SparkStandaloneCluster implements AutoCloseable {

    static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    final SparkLayout layout;
    final Path workDir;
    private final JvmProcess master;
    private final List<JvmProcess> workers = new ArrayList<>();
    private final int masterPort;
    private final URI masterUi;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SparkStandaloneCluster(SparkLayout layout, Path workDir, JvmProcess master, int masterPort, int uiPort) {
        this.layout = layout;
        this.workDir = workDir;
        this.master = master;
        this.masterPort = masterPort;
        this.masterUi = URI.create("http://127.0.0.1:" + uiPort + "/json/");
    }

    /** Starts the Master and {@code workerCount} Workers, and waits until the Master lists them all ALIVE. */
    static SparkStandaloneCluster start(SparkLayout layout, Path workDir, int workerCount)
            throws IOException, InterruptedException {
        layout.check();
        int port = freePort();
        int uiPort = freePort();
        JvmProcess master = JvmProcess.start("master", daemon(layout, "org.apache.spark.deploy.master.Master",
                        List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(uiPort))),
                layout.environment(workDir.resolve("master-local")), workDir, workDir.resolve("logs/master.log"));
        SparkStandaloneCluster cluster = new SparkStandaloneCluster(layout, workDir, master, port, uiPort);
        try {
            for (int i = 0; i < workerCount; i++) {
                cluster.startWorker(i);
            }
            cluster.awaitAliveWorkers(workerCount);
            return cluster;
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    private void startWorker(int i) throws IOException {
        Path dir = workDir.resolve("worker-" + i);
        workers.add(JvmProcess.start("worker-" + i, daemon(layout, "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--port", String.valueOf(freePort()),
                                "--webui-port", String.valueOf(freePort()),
                                "--cores", "1", "--memory", "1g", "--work-dir", dir.resolve("work").toString(),
                                masterUrl())),
                layout.environment(dir.resolve("local")),
                dir, workDir.resolve("logs/worker-" + i + ".log")));
    }

    /** java, Spark's module options, a small heap, jars/* and the daemon's main class. */
    private static List<String> daemon(SparkLayout layout, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(SparkLayout.java());
        command.addAll(SparkLayout.javaModuleOptions());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(layout.sparkClassPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The Master's state as its web UI serves it: workers, active and completed apps. */
    JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(masterUi).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(masterUi + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private void awaitAliveWorkers(int expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int alive = 0;
        while (Instant.now().isBefore(deadline)) {
            for (JvmProcess p : daemons()) {
                if (!p.isAlive()) {
                    throw new IOException(p + " exited while the cluster started\n" + diagnostics());
                }
            }
            try {
                alive = (int) StreamSupport.stream(masterState().path("workers").spliterator(), false)
                        .filter(w -> "ALIVE".equals(w.path("state").asText())).count();
                if (alive >= expected) {
                    return;
                }
            } catch (IOException notYet) {
                // the Master's UI is not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException(alive + " of " + expected + " workers ALIVE after " + START_TIMEOUT + "\n" + diagnostics());
    }

    /** The executor JVMs the Workers have forked and that are still running, in Worker order. */
    /**
     * The executor JVMs: the Workers' direct children running the executor backend. Not all descendants: a process an
     * executor forks shows the executor's command line until it execs, and a poll that catches that moment would count
     * an executor that does not exist (seen once in CI: three "executors" of a two-executor application).
     */
    List<ProcessHandle> executorProcesses() {
        return workers.stream().flatMap(w -> w.process.children())
                .filter(p -> p.info().commandLine().map(c -> c.contains(EXECUTOR_MAIN)).orElse(false))
                .collect(Collectors.toList());
    }

    /** The Worker JVM whose child {@code executor} is, if any. */
    long workerPidOf(ProcessHandle executor) {
        return executor.parent().map(ProcessHandle::pid).orElse(-1L);
    }

    List<Long> workerPids() {
        return workers.stream().map(JvmProcess::pid).collect(Collectors.toList());
    }

    private List<JvmProcess> daemons() {
        List<JvmProcess> all = new ArrayList<>(workers);
        all.add(0, master);
        return all;
    }

    /** The tail of every daemon log and of every executor's stderr: what a failing test should show. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (JvmProcess p : daemons()) {
            out.append("--- ").append(p).append('\n').append(p.tail(30)).append('\n');
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.filter(f -> f.getFileName().toString().equals("stderr") && f.toString().contains("/work/"))
                    .sorted()
                    .forEach(f -> out.append("--- executor ").append(f).append('\n').append(JvmProcess.tail(f, 30)).append('\n'));
        } catch (IOException e) {
            out.append("(cannot list executor logs: ").append(e).append(")\n");
        }
        return out.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Workers first (each takes its executors down), then the Master; bounded by STOP_GRACE per JVM. */
    @Override
    public void close() {
        boolean interrupted = false;
        List<JvmProcess> stopOrder = new ArrayList<>(workers);
        stopOrder.add(master);
        for (JvmProcess p : stopOrder) {
            if (interrupted) {
                p.kill();
                continue;
            }
            try {
                p.stop(STOP_GRACE);
            } catch (InterruptedException e) {
                interrupted = true;
                p.kill();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
