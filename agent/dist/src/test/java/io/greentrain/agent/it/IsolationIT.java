package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.OwnLibrariesJob;
import io.greentrain.agent.it.apps.PlainJob;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's class path never sees the agent's dependencies, and the agent never picks up the
 * application's versions: an application with older Micrometer, client_java, Byte Buddy, JNA and OSHI
 * works with the agent attached, and so does the agent's endpoint.
 */
class IsolationIT {

    @TempDir
    Path workDir;

    @Test
    void applicationWithItsOwnVersionsOfOurDependenciesWorksAndSoDoWe() throws Exception {
        String appLibs;
        try (Stream<Path> jars = Files.list(Paths.get("target/app-libs"))) {
            appLibs = jars.map(p -> p.toAbsolutePath().toString()).sorted().collect(Collectors.joining(File.pathSeparator));
        }
        String classPath = Paths.get("target/test-classes").toAbsolutePath() + File.pathSeparator + appLibs;
        int port = Scraper.freePort();
        ForkedJvm jvm = ForkedJvm.main(OwnLibrariesJob.class, "4000").classPath(classPath).workDir(workDir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1");
        String[] metrics = new String[1];
        ForkedJvm.Result result = scrapedWhileItRuns(jvm, port, metrics);
        String stdout = result.stdout;

        assertThat(result.exitCode).as(stdout + result.stderr).isZero();
        assertThat(stdout).contains("micrometer 3.0 from micrometer-core-1.12.13.jar")
                .contains("client_java 2.0 from prometheus-metrics-model-1.3.1.jar")
                .contains("bytebuddy made by the app's Byte Buddy from byte-buddy-1.14.19.jar")
                .contains("jna pid true from jna-5.14.0.jar")
                .contains("oshi cpus true from oshi-core-6.6.5.jar")
                .contains("done");
        assertThat(metrics[0]).contains("greentrain_build_info").contains("greentrain_process_cpu_seconds_total")
                .as("the app's own registry is not ours").doesNotContain("app_requests_total");
    }

    @Test
    void agentIgnoresTheApplicationsPrometheusProperties() throws Exception {
        // client_java reads io.prometheus.* system properties and prometheus.properties in a static
        // initializer and throws on unknown keys; the application's settings must not break our endpoint.
        Path resources = Files.createDirectories(workDir.resolve("app-resources"));
        Files.write(resources.resolve("prometheus.properties"), "io.prometheus.no.such.key=1\n".getBytes());
        int port = Scraper.freePort();
        ForkedJvm jvm = ForkedJvm.main(PlainJob.class, "normal", "4000").prependClassPath(resources.toString())
                .jvmArg("-Dio.prometheus.exporter.no.such.key=1", "-Dio.prometheus.exporter.httpServer.port=banana")
                .workDir(workDir).withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1");
        String[] metrics = new String[1];
        ForkedJvm.Result result = scrapedWhileItRuns(jvm, port, metrics);
        String stderr = result.stderr;
        assertThat(result.exitCode).as(stderr).isZero();
        assertThat(metrics[0]).contains("greentrain_build_info");
        assertThat(stderr).doesNotContain("error");
    }

    /** Starts the job, puts the first answer of its /metrics into {@code metrics[0]} and waits for the job to end. */
    private static ForkedJvm.Result scrapedWhileItRuns(ForkedJvm jvm, int port, String[] metrics) throws Exception {
        try (ForkedJvm.Live process = jvm.start()) {
            metrics[0] = Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(20));
            return process.finish(Duration.ofSeconds(60));
        }
    }
}
