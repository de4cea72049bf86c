package io.greentrain.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end: a Master and two Workers from Maven Central's Spark jars, the job submitted in client mode
 * with Smile then Tribuo, one model per partition, the two partitions on two executor JVMs forked by two Workers.
 * Prints each phase's wall time (CI budget: the class under 2 minutes on 2 cores).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterSmokeIT {

    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLASS_BUDGET = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static SparkStandaloneCluster cluster;
    private static long classStart;

    @BeforeAll
    static void startCluster() throws Exception {
        classStart = System.nanoTime();
        cluster = SparkStandaloneCluster.start(SparkLayout.fromSystemProperties(), dir.resolve("cluster"), 2);
        phase("cluster start (master + 2 workers ALIVE)", classStart);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        long start = System.nanoTime();
        if (cluster != null) {
            cluster.close();
        }
        phase("cluster stop", start);
        Duration total = phase("whole class", classStart);
        assertThat(total).as("wall time of the smoke class").isLessThan(CLASS_BUDGET);
    }

    @Test
    @Order(1)
    void smileTrainsOnePartitionOnEachOfTwoLiveExecutorJvms() throws Exception {
        long start = System.nanoTime();
        Path release = dir.resolve("release-smile");
        SparkSubmit.Driver driver = SparkSubmit.to(cluster, 2)
                .jobArgs("--library", "smile", "--partitions", "2", "--await", release.toString(),
                        "--app-name", "smoke-smile")
                .start("smile");
        awaitFile(Path.of(release + ".trained"), driver);
        phase("smile submit until trained", start);

        // while the driver holds the SparkContext, its executors are live JVMs forked by the Workers
        List<TrainedPartition> trained = assertOnePerPartition(TrainedPartition.parse(driver.output()), "smile", 2, driver);
        List<ProcessHandle> executors = cluster.executorProcesses();
        assertThat(executors).as(driver.failureReport()).hasSize(2);
        assertThat(executors.stream().map(ProcessHandle::pid).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(trained.stream().map(TrainedPartition::pid).collect(Collectors.toSet()))
                .doesNotContain(driver.process().pid());
        assertThat(executors.stream().map(cluster::workerPidOf).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(cluster.workerPids());

        Files.createFile(release);
        assertThat(driver.awaitExit(SUBMIT_TIMEOUT)).as(driver.failureReport()).isZero();
        phase("smile submit total", start);
    }

    @Test
    @Order(2)
    void tribuoTrainsOnePartitionOnEachOfTwoExecutors() throws Exception {
        long start = System.nanoTime();
        SparkSubmit.Driver driver = SparkSubmit.to(cluster, 2)
                .jobArgs("--library", "tribuo", "--partitions", "2", "--app-name", "smoke-tribuo")
                .start("tribuo");
        assertThat(driver.awaitExit(SUBMIT_TIMEOUT)).as(driver.failureReport()).isZero();
        phase("tribuo submit total", start);
        assertOnePerPartition(TrainedPartition.parse(driver.output()), "tribuo", 2, driver);
    }

    private static List<TrainedPartition> assertOnePerPartition(List<TrainedPartition> trained, String library,
                                                                int partitions, SparkSubmit.Driver driver) {
        String report = driver.failureReport();
        assertThat(trained).as(report).hasSize(partitions);
        assertThat(trained).as(report).allSatisfy(t -> {
            assertThat(t.library()).isEqualTo(library);
            assertThat(t.rows()).isEqualTo(SparkTrainingJob.defaultRows(library));
            assertThat(t.accuracy()).isBetween(0.75, 0.9);
            assertThat(t.executor()).isNotEqualTo("driver");
        });
        assertThat(trained.stream().map(TrainedPartition::partition).collect(Collectors.toSet()))
                .as(report).isEqualTo(Set.of(0, 1));
        assertThat(trained.stream().map(TrainedPartition::executor).distinct().count())
                .as("two partitions on two different executors\n" + report).isEqualTo(partitions);
        trained.forEach(t -> System.out.printf("[spark-smoke]   %s partition %d on executor %s (pid %d): %d rows, "
                + "accuracy %.4f, trained in %d ms%n", t.library(), t.partition(), t.executor(), t.pid(), t.rows(),
                t.accuracy(), t.trainMillis()));
        return trained;
    }

    private static void awaitFile(Path file, SparkSubmit.Driver driver) throws InterruptedException {
        long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (!driver.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + "\n" + driver.failureReport());
            }
            Thread.sleep(100);
        }
    }

    private static Duration phase(String name, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        System.out.printf("[spark-smoke] %-45s %6.1f s%n", name, took.toMillis() / 1000.0);
        return took;
    }
}
