package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.reliability.apps.ServingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micrometer holds the state object of a function counter weakly: a counter whose state nobody else keeps reads
 * NaN (shown as 0 or nothing) after the job's first full GC. The agent's own counters must survive a job that
 * collects garbage all the time.
 */
class MetricsAfterGcIT {

    @TempDir
    static Path dir;

    private static PrometheusText metrics;
    private static ForkedJvm.Live job;

    @BeforeAll
    static void scrapeAJobThatCollectsGarbage() throws Exception {
        int port = Scraper.freePort();
        Path stop = dir.resolve("stop");
        job = ForkedJvm.main(ServingJob.class, "gc", stop.toString()).workDir(dir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1,sample.interval=100ms").start();
        job.awaitStdout("ready", Duration.ofSeconds(60));
        Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(60));
        Thread.sleep(3000); // ~30 full GCs, ~30 samples
        Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(10)); // a first scrape, so that totals have a start
        Thread.sleep(1000);
        metrics = new PrometheusText(Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(10)));
        Files.createFile(stop);
        assertThat(job.finish(Duration.ofSeconds(60)).exitCode).isZero();
    }

    @AfterAll
    static void stop() {
        if (job != null) {
            job.close();
        }
    }

    @Test
    void agentCpuIsCounted() {
        assertThat(metrics.sum("greentrain_agent_cpu_seconds_total")).isPositive();
        assertThat(metrics.sum("greentrain_process_cpu_seconds_total")).isPositive();
    }

    @Test
    void processEnergyIsCounted() {
        assertThat(metrics.sum("greentrain_process_energy_joules_total")).isPositive();
    }

    @Test
    void processEmissionsAreCounted() {
        assertThat(metrics.sum("greentrain_process_emissions_grams_total")).isPositive();
    }
}
