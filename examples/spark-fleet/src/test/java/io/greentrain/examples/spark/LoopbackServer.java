package io.greentrain.examples.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian binary (prometheus, prometheus-pushgateway) on a free loopback port for one test, ready when its
 * {@code /-/ready} answers 200; its log stays in the work directory for a failing test's report.
 */
final class LoopbackServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path log;
    final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** {@code arguments} may contain {@code {port}}, replaced by the free port chosen. */
    static LoopbackServer start(String binary, List<String> arguments, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = SparkStandaloneCluster.freePort();
        List<String> command = new java.util.ArrayList<>(List.of(binary));
        arguments.forEach(a -> command.add(a.replace("{port}", String.valueOf(port))));
        Path log = workDir.resolve(Path.of(binary).getFileName() + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LoopbackServer server = new LoopbackServer(process, log, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(binary + " exited: " + server.logTail());
            }
            try {
                if (server.get("/-/ready").statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IOException(binary + " not ready in 30 s: " + server.logTail());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Prometheus only: an instant query's result array. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body())
                .path("data").path("result");
    }

    String logTail() {
        return JvmProcess.tail(log, 30);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
