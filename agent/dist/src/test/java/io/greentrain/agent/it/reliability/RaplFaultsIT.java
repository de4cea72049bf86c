package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.reliability.apps.ServingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAPL faults on a powercap fixture ({@code greentrain.rapl.root}) whose counters the test moves while the job
 * runs: no RAPL at all, counters not readable by the job's user, a counter wrapping through
 * {@code max_energy_range_uj}, a zone vanishing mid-run, a counter going backwards. The job's output and exit code
 * never change; the agent says what happened in one line (a wrap is not a fault: it says nothing and counts right).
 */
class RaplFaultsIT {

    @TempDir
    static Path dir;

    private static ForkedJvm.Result withoutAgent;

    @BeforeAll
    static void runTheJobWithoutTheAgent() throws Exception {
        Path stop = Files.createFile(dir.resolve("stop-now"));
        withoutAgent = ForkedJvm.main(ServingJob.class, "serve", stop.toString(), "3").workDir(dir).run();
        assertThat(withoutAgent.exitCode).isEqualTo(3);
    }

    /** The job, serving metrics on a free port and reading RAPL from the fixture every 100 ms. */
    private static final class Running implements AutoCloseable {
        final int port;
        final Path stop;
        final ForkedJvm.Live job;

        Running(Path raplRoot, List<String> prefix) throws Exception {
            port = Scraper.freePort();
            stop = dir.resolve("stop-" + port);
            ForkedJvm jvm = ForkedJvm.main(ServingJob.class, "serve", stop.toString(), "3").workDir(dir)
                    .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1,sample.interval=100ms,rapl.root=" + raplRoot);
            job = jvm.prefix(prefix).start();
            job.awaitStdout("ready", Duration.ofSeconds(60));
            // the endpoint comes up before the sensors: wait until the cpu sensor took its first reading
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(60)).contains("greentrain_sensor_info{component=\"cpu\"")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("sensors not started:\n" + job.stderr());
                }
                Thread.sleep(50);
            }
        }

        double cpuRaplJoules() throws Exception {
            return new PrometheusText(Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(10)))
                    .sum("greentrain_host_energy_joules_total", Map.of("component", "cpu", "source", "rapl"));
        }

        /** Waits until the agent's RAPL cpu counter shows the expected joules (the sampler reads every 100 ms). */
        void awaitCpuJoules(double expected) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            double seen = cpuRaplJoules();
            while (Math.abs(seen - expected) > 1e-6 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = cpuRaplJoules();
            }
            assertThat(seen).as("cpu joules read from RAPL").isCloseTo(expected, within(1e-6));
        }

        ForkedJvm.Result stop() throws Exception {
            Files.createFile(stop);
            return job.finish(Duration.ofSeconds(60));
        }

        @Override
        public void close() {
            job.close();
        }
    }

    /** Lets the sampler (100 ms) read the fixture at least twice. */
    private static void settle() throws InterruptedException {
        Thread.sleep(400);
    }

    private static List<String> raplLines(ForkedJvm.Result result) {
        return result.greenTrainLines().stream().filter(l -> l.contains("RAPL") || l.contains("rapl") || l.contains("powercap")
                || l.contains("energy_uj")).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void raplAbsent() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-rapl"));
        try (Running running = new Running(empty, List.of())) {
            ForkedJvm.Result result = running.stop();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(raplLines(result)).singleElement()
                    .satisfies(l -> assertThat(l).contains(empty.toString()).contains("estimate"));
        }
    }

    @Test
    void permissionDenied() throws Exception {
        PowercapTree tree = new PowercapTree(dir.resolve("denied"));
        Path zone = tree.addPackage(0, 5_000_000, PowercapTree.INTEL_RANGE_UJ);
        Files.setPosixFilePermissions(zone.resolve("energy_uj"), PosixFilePermissions.fromString("---------"));
        try (Running running = new Running(tree.root, Privileges.obeyFileModes())) {
            ForkedJvm.Result result = running.stop();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(raplLines(result)).singleElement()
                    .satisfies(l -> assertThat(l).contains("not readable").contains(zone.resolve("energy_uj").toString()));
        }
    }

    @Test
    void counterWrapIsCountedAcrossTheWrap() throws Exception {
        long range = 1_000_000_000L; // 1 kJ
        PowercapTree tree = new PowercapTree(dir.resolve("wrap"));
        Path zone = tree.addPackage(0, 999_000_000L, range);
        try (Running running = new Running(tree.root, List.of())) {
            PowercapTree.set(zone, 999_800_000L); // +0.8 J
            settle();
            running.awaitCpuJoules(0.8);
            PowercapTree.set(zone, 300_000L); // through max_energy_range_uj: +0.2 J +0.3 J
            settle();
            running.awaitCpuJoules(1.3);
            PowercapTree.set(zone, 1_300_000L); // +1 J
            settle();
            running.awaitCpuJoules(2.3);
            ForkedJvm.Result result = running.stop();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(result.greenTrainLines()).as("a wrap is normal: nothing to say").noneMatch(l -> l.contains("RAPL") || l.contains("rapl"));
        }
    }

    @Test
    void zoneVanishingMidRun() throws Exception {
        PowercapTree tree = new PowercapTree(dir.resolve("vanish"));
        Path zone0 = tree.addPackage(0, 10_000_000L, PowercapTree.INTEL_RANGE_UJ);
        Path zone1 = tree.addPackage(1, 20_000_000L, PowercapTree.INTEL_RANGE_UJ);
        try (Running running = new Running(tree.root, List.of())) {
            PowercapTree.set(zone0, 11_000_000L);
            PowercapTree.set(zone1, 21_000_000L);
            settle();
            running.awaitCpuJoules(2.0);
            try (Stream<Path> files = Files.walk(zone1)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            settle();
            PowercapTree.set(zone0, 12_500_000L); // the other socket is still counted
            settle();
            running.awaitCpuJoules(3.5);
            ForkedJvm.Result result = running.stop();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(raplLines(result)).singleElement()
                    .satisfies(l -> assertThat(l).contains(zone1.resolve("energy_uj").toString()));
        }
    }

    @Test
    void counterGoingBackwardsIsNotCountedAsAWrap() throws Exception {
        PowercapTree tree = new PowercapTree(dir.resolve("backwards"));
        Path zone = tree.addPackage(0, 100_000_000L, PowercapTree.INTEL_RANGE_UJ);
        try (Running running = new Running(tree.root, List.of())) {
            PowercapTree.set(zone, 101_000_000L); // +1 J
            settle();
            running.awaitCpuJoules(1.0);
            PowercapTree.set(zone, 90_000_000L); // back by 11 J: not a wrap (that would be ~262 kJ at once)
            settle();
            PowercapTree.set(zone, 92_000_000L); // +2 J after re-basing
            settle();
            running.awaitCpuJoules(3.0);
            ForkedJvm.Result result = running.stop();
            JobOutput.assertUnchanged(result, withoutAgent);
            assertThat(raplLines(result)).singleElement().satisfies(l -> assertThat(l).contains("intel-rapl:0"));
        }
    }
}
