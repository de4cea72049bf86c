package io.greentrain.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import io.greentrain.exporter.records.SparkApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DL4J on Spark with the agent on driver and executors: {@link Dl4jSparkJob} trains a small MLP with
 * {@code SparkDl4jMultiLayer} and {@code ParameterAveragingTrainingMaster} on a real standalone cluster (Master, two
 * Workers, two single-core executor JVMs). The executors' {@code MultiLayerNetwork.fit(DataSet)} calls, one per
 * minibatch inside dl4j-spark's worker, must be found by the agent in each executor JVM, as many as DL4J's own
 * training stats count there, and attributed: energy, the Spark application and executor ids, run ids that hold
 * together. The driver only averages and evaluates, so it has no DL4J call.
 */
class Dl4jSparkIT {

    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(180);
    private static final String APP_NAME = "dl4j-param-avg";

    @TempDir
    Path dir;

    @Test
    void executorsFitCallsUnderParameterAveragingAreFoundAndAttributed() throws Exception {
        long start = System.nanoTime();
        SparkLayout layout = SparkLayout.fromSystemProperties();
        Path records = Files.createDirectories(dir.resolve("records"));
        // records.detail=calls: one record per fit call, so the calls can be counted per executor and matched to runs
        String agent = "-javaagent:" + layout.agentJar() + "=records.file=" + records + "/greentrain-{host}-{pid}.jsonl"
                + ",records.detail=calls,prometheus.enabled=false,console.enabled=false,carbon.zone=FR";
        try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start(layout, dir.resolve("cluster"), 2)) {
            phase("cluster start (master + 2 workers ALIVE)", start);
            long submit = System.nanoTime();
            SparkSubmit.Driver driver = SparkSubmit.to(cluster, 2).dl4jJob()
                    .driverJvmArgs(agent, Dl4jSparkJob.TIME_SOURCE_OPTION)
                    .executorJavaOptions(agent + " " + Dl4jSparkJob.TIME_SOURCE_OPTION)
                    .jobArgs("--app-name", APP_NAME)
                    .start("dl4j");
            Set<Long> executorPids = executorPidsWhileRunning(cluster, driver);
            assertThat(driver.awaitExit(SUBMIT_TIMEOUT)).as(driver.failureReport()).isZero();
            phase("dl4j submit total", submit);

            Dl4jTraining trained = Dl4jTraining.parse(driver.output());
            System.out.println("[spark-dl4j] DL4J says: " + trained);
            assertThat(executorPids).as("executor JVMs seen while the application ran\n" + driver.failureReport()).hasSize(2);
            assertThat(trained.averagings()).as("400 rows, 2 workers x 20 rows x 5 minibatches a split").isEqualTo(2);
            assertThat(trained.fitsPerJvm()).as("both executors trained\n" + driver.failureReport()).hasSize(2);
            assertThat(trained.accuracy()).as("the averaged network learned something (chance is 0.5)").isGreaterThan(0.6);

            Map<Long, List<CallRecord>> dl4j = dl4jRecordsPerPid(records);
            assertThat(dl4j.keySet()).as("JVMs with DL4J records: exactly the executors, never the driver (pid %d)",
                    driver.process().pid()).containsExactlyInAnyOrderElementsOf(executorPids);

            Set<String> executorIds = new TreeSet<>();
            List<Integer> callsPerExecutor = new ArrayList<>();
            for (Map.Entry<Long, List<CallRecord>> jvm : dl4j.entrySet()) {
                String executorId = assertOneExecutorsRecords(jvm.getKey(), jvm.getValue(), trained.appId());
                executorIds.add(executorId);
                List<CallRecord> calls = calls(jvm.getValue());
                callsPerExecutor.add(calls.size());
                System.out.printf("[spark-dl4j]   executor %s (pid %d): %d fit calls in %d runs, runs %.3f J, calls %.3f J%n",
                        executorId, jvm.getKey(), calls.size(), runs(jvm.getValue()).size(),
                        runs(jvm.getValue()).stream().mapToDouble(CallRecord::totalJoules).sum(),
                        calls.stream().mapToDouble(CallRecord::totalJoules).sum());
            }
            assertThat(executorIds).as("two different executor ids").hasSize(2);
            assertThat(callsPerExecutor.stream().sorted().collect(Collectors.toList()))
                    .as("fit calls per executor found by the agent = DL4J's own count per worker JVM %s", trained.fitsPerJvm())
                    .isEqualTo(trained.fitsPerJvm().values().stream().sorted().collect(Collectors.toList()));
        }
        phase("whole class", start);
    }

    /**
     * One executor's DL4J records: all of its application, with its executor id; every run measured (energy > 0)
     * and counting exactly the call records that name it; every call inside one of this JVM's runs. Returns the
     * executor id.
     */
    private static String assertOneExecutorsRecords(long pid, List<CallRecord> records, String appId) {
        List<CallRecord> runs = runs(records);
        List<CallRecord> calls = calls(records);
        String where = "executor pid " + pid;
        assertThat(runs).as(where + ": run records").isNotEmpty();
        assertThat(calls).as(where + ": call records").isNotEmpty();
        SparkApp app = records.get(0).sparkApp();
        assertThat(app.appId()).as(where + ": spark_app_id").isEqualTo(appId);
        assertThat(app.appName()).as(where + ": spark_app_name").isEqualTo(APP_NAME);
        assertThat(app.executorId()).as(where + ": spark_executor_id").isNotEmpty().isNotEqualTo("driver");
        assertThat(records).as(where + ": one application and executor on every record")
                .allSatisfy(r -> assertThat(r.sparkApp()).isEqualTo(app));
        assertThat(runs).as(where + ": runs measured").allSatisfy(r -> assertThat(r.totalJoules()).isPositive());
        Map<String, Long> callsPerRun = calls.stream().collect(Collectors.groupingBy(CallRecord::runId, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> runsSay = runs.stream().collect(Collectors.toMap(CallRecord::runId, r -> r.run().calls(),
                Long::sum, TreeMap::new));
        assertThat(callsPerRun).as(where + ": the calls of each run (call records by run id vs the run records' calls)")
                .isEqualTo(runsSay);
        assertThat(calls).as(where + ": each call is MultiLayerNetwork.fit(DataSet)")
                .allSatisfy(c -> assertThat(c.entryPoint()).contains("fit"));
        return app.executorId();
    }

    /** The DL4J records (runs and calls) of every records file, by the pid of the JVM that wrote them. */
    private static Map<Long, List<CallRecord>> dl4jRecordsPerPid(Path records) throws IOException {
        Map<Long, List<CallRecord>> perPid = new TreeMap<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                CallRecordReader.Result read = CallRecordReader.read(file);
                assertThat(read.skipped()).as(file + ": unreadable lines, first: " + read.firstProblem()).isZero();
                read.records().stream().filter(r -> r.library().equals("dl4j"))
                        .forEach(r -> perPid.computeIfAbsent(r.pid(), p -> new ArrayList<>()).add(r));
            }
        }
        return perPid;
    }

    private static List<CallRecord> runs(List<CallRecord> records) {
        return records.stream().filter(r -> r.run().isRun()).collect(Collectors.toList());
    }

    private static List<CallRecord> calls(List<CallRecord> records) {
        return records.stream().filter(r -> !r.run().isRun()).collect(Collectors.toList());
    }

    /** The executor JVMs the Workers fork for the application, collected until the driver exits. */
    private static Set<Long> executorPidsWhileRunning(SparkStandaloneCluster cluster, SparkSubmit.Driver driver)
            throws InterruptedException {
        Set<Long> pids = new TreeSet<>();
        long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
        while (driver.process().isAlive() && System.nanoTime() < deadline) {
            cluster.executorProcesses().forEach(p -> pids.add(p.pid()));
            Thread.sleep(200);
        }
        return pids;
    }

    private static void phase(String name, long startNanos) {
        System.out.printf("[spark-dl4j] %-45s %6.1f s%n", name, (System.nanoTime() - startNanos) / 1e9);
    }
}
