package io.greentrain.examples.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Submits {@link SparkTrainingJob} (or {@link Dl4jSparkJob}) to a {@link SparkStandaloneCluster} the way {@code bin/spark-submit} does, in
 * client deploy mode: the driver is this forked JVM ({@code org.apache.spark.deploy.SparkSubmit} on Spark's class
 * path), so JVM flags for the driver (a {@code -javaagent:}) go in {@link #driverJvmArgs}; executor JVM flags go in
 * {@link #executorJavaOptions}. The job's dependencies travel with {@code --jars}.
 */
final class SparkSubmit {

    static final String JOB_CLASS = "io.greentrain.examples.spark.SparkTrainingJob";
    static final String DL4J_JOB_CLASS = "io.greentrain.examples.spark.Dl4jSparkJob";

    private final SparkStandaloneCluster cluster;
    private final List<String> driverJvmArgs = new ArrayList<>(List.of("-Xmx1g"));
    private final Map<String, String> conf = new LinkedHashMap<>();
    private final List<String> jobArgs = new ArrayList<>();
    private boolean dl4j;

    private SparkSubmit(SparkStandaloneCluster cluster, int executors) {
        this.cluster = cluster;
        conf.put("spark.executor.cores", "1");
        conf.put("spark.cores.max", String.valueOf(executors));
        conf.put("spark.executor.memory", "512m");
        // schedule only once every executor has registered, so N partitions really spread over N executor JVMs
        conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        // no driver UI on 4040 (port clashes between parallel builds); conf("spark.ui.enabled", "true") brings it back
        conf.put("spark.ui.enabled", "false");
    }

    /** A submission asking for {@code executors} single-core executors (one per Worker of a default cluster). */
    static SparkSubmit to(SparkStandaloneCluster cluster, int executors) {
        return new SparkSubmit(cluster, executors);
    }

    /** Submits {@link Dl4jSparkJob} instead, with dl4j-jars added to {@code --jars}. */
    SparkSubmit dl4jJob() {
        dl4j = true;
        return this;
    }

    /** JVM flags of the driver JVM itself, e.g. {@code -javaagent:...}; added after the defaults ({@code -Xmx1g}). */
    SparkSubmit driverJvmArgs(String... args) {
        driverJvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    /** {@code spark.executor.extraJavaOptions}: one string, split by Spark like a shell would. */
    SparkSubmit executorJavaOptions(String options) {
        return conf("spark.executor.extraJavaOptions", options);
    }

    /** Any {@code --conf}; replaces a default of the same key. */
    SparkSubmit conf(String key, String value) {
        conf.put(key, value);
        return this;
    }

    /** Arguments of {@link SparkTrainingJob}, e.g. {@code "--library", "smile"}. */
    SparkSubmit jobArgs(String... args) {
        jobArgs.addAll(Arrays.asList(args));
        return this;
    }

    List<String> command() throws IOException {
        SparkLayout layout = cluster.layout;
        List<String> command = new ArrayList<>();
        command.add(SparkLayout.java());
        command.addAll(SparkLayout.javaModuleOptions());
        command.addAll(driverJvmArgs);
        command.addAll(List.of("-cp", layout.sparkClassPath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--deploy-mode", "client"));
        conf.forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
        List<Path> jars = dl4j ? layout.dl4jAppJarFiles() : layout.appJarFiles();
        command.addAll(List.of("--jars", jars.stream().map(Path::toString).collect(Collectors.joining(",")),
                "--class", dl4j ? DL4J_JOB_CLASS : JOB_CLASS, layout.jobJar().toString()));
        command.addAll(jobArgs);
        return command;
    }

    /** Starts the driver; {@code name} names its directory and output file under the cluster's work dir. */
    Driver start(String name) throws IOException {
        Path dir = cluster.workDir.resolve("driver-" + name);
        return new Driver(JvmProcess.start("driver-" + name, command(),
                cluster.layout.environment(dir.resolve("local")), dir, dir.resolve("driver.log")), cluster);
    }

    /** A running driver: its process, its combined stdout/stderr, and a bounded wait. */
    static final class Driver {
        final JvmProcess jvm;
        private final SparkStandaloneCluster cluster;

        Driver(JvmProcess jvm, SparkStandaloneCluster cluster) {
            this.jvm = jvm;
            this.cluster = cluster;
        }

        Process process() {
            return jvm.process;
        }

        Path outputFile() {
            return jvm.log;
        }

        String output() {
            return jvm.output();
        }

        /** The exit status; kills the driver and throws with all logs when it runs past {@code timeout}. */
        int awaitExit(Duration timeout) throws InterruptedException {
            if (!jvm.await(timeout)) {
                jvm.stop(Duration.ofSeconds(5));
                throw new AssertionError(jvm.name + " still running after " + timeout + "\n" + failureReport());
            }
            return jvm.process.exitValue();
        }

        /** The driver's output tail plus the cluster's logs. */
        String failureReport() {
            return "--- " + jvm + "\n" + jvm.tail(60) + "\n" + cluster.diagnostics();
        }
    }
}
