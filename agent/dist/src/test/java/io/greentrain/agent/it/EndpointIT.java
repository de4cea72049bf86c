package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.PlainJob;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics endpoint inside a job's JVM, checked with a real HTTP client and promtool. */
class EndpointIT {

    @TempDir
    Path workDir;

    @Test
    void servesMetricsAndHealthAndPassesPromtool() throws Exception {
        int port = Scraper.freePort();
        ForkedJvm.Live process = ForkedJvm.main(PlainJob.class, "normal", "5000").workDir(workDir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1").start();
        try {
            String metrics = Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(20));
            assertThat(Scraper.get(port, "/-/healthy").statusCode()).isEqualTo(200);
            assertThat(metrics).contains("greentrain_build_info{").contains("greentrain_process_cpu_seconds_total ");

            Path scrape = workDir.resolve("scrape.txt");
            Files.write(scrape, metrics.getBytes());
            Path promtool = Paths.get("/usr/bin/promtool");
            assertThat(promtool).as("promtool missing: apt-get install prometheus").isExecutable();
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(scrape.toFile())
                    .redirectErrorStream(true).start();
            String findings = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(findings).isZero();
            assertThat(findings.trim()).as("promtool findings").isEmpty();
        } finally {
            process.process().waitFor(30, TimeUnit.SECONDS);
            process.close();
        }
    }

    @Test
    void portInUseIsOneWarningAndTheJobRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ForkedJvm.Result result = ForkedJvm.main(PlainJob.class, "normal", "1500").workDir(workDir)
                    .withAgent("eager=true,prometheus.port=" + taken.getLocalPort() + ",prometheus.host=127.0.0.1").run();
            assertThat(result.exitCode).isZero();
            assertThat(result.stdout).contains("job done");
            assertThat(result.greenTrainLines()).filteredOn(l -> l.contains("in use")).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains(String.valueOf(taken.getLocalPort())));
        }
    }

    @Test
    void agentThreadsAreDaemonsNamedGreentrain() throws Exception {
        int port = Scraper.freePort();
        ForkedJvm.Result result = ForkedJvm.main(io.greentrain.agent.it.apps.ThreadListingJob.class).workDir(workDir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1").timeout(Duration.ofSeconds(60)).run();
        String stdout = result.stdout;
        assertThat(result.exitCode).isZero();
        assertThat(stdout).contains("greentrain-http daemon=true");
        assertThat(stdout.lines().filter(l -> l.startsWith("greentrain")))
                .allSatisfy(l -> assertThat(l).endsWith("daemon=true"));
    }
}
