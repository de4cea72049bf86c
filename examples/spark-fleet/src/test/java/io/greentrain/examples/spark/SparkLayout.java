package io.greentrain.examples.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Where the build put what a Spark cluster needs (see this module's pom): {@code spark-home/jars}, Spark's own class
 * path as a distribution's {@code jars/} directory; {@code app-jars}, the job's dependencies for {@code --jars}; the
 * job jar; the GreenTrain agent jar.
 */
record SparkLayout(Path sparkHome, Path appJars, Path jobJar, Path agentJar) {

    private static final Pattern SPARK_CORE = Pattern.compile("spark-core_(\\d+\\.\\d+)-.*\\.jar");
    /** copy-dependencies names jars artifactId-version[-classifier].jar. */
    private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d.*\\.jar");

    /** From failsafe's system properties, falling back to the paths a plain {@code mvn package} leaves. */
    static SparkLayout fromSystemProperties() {
        return new SparkLayout(
                path("greentrain.spark.home", "target/spark-home"),
                path("greentrain.spark.app.jars", "target/app-jars"),
                path("greentrain.spark.job.jar", "target/greentrain-spark-fleet-0.1.0-SNAPSHOT.jar"),
                path("greentrain.agent.jar.path", "../../agent/dist/target/greentrain-agent.jar"));
    }

    private static Path path(String property, String fallback) {
        return Paths.get(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    Path jarsDir() {
        return sparkHome.resolve("jars");
    }

    /** The class path of every Spark JVM: what bin/spark-class builds from a distribution. */
    String sparkClassPath() {
        return jarsDir() + File.separator + "*";
    }

    List<Path> appJarFiles() throws IOException {
        try (Stream<Path> jars = Files.list(appJars)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    /** The Scala binary version of the spark-core jar in jars/ (the launcher's command builder needs it). */
    String scalaVersion() throws IOException {
        try (Stream<Path> jars = Files.list(jarsDir())) {
            return jars.map(p -> SPARK_CORE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new IOException("no spark-core jar in " + jarsDir()));
        }
    }

    /**
     * The environment of Master, Workers (and so of the executors they fork) and driver. The Worker builds executor
     * commands with Spark's launcher, which needs SPARK_HOME (to find jars/) and, without a source build to look
     * at, SPARK_SCALA_VERSION. SPARK_LOCAL_IP keeps every listener, web UIs included, on loopback;
     * SPARK_LOCAL_DIRS keeps scratch, block-manager and shuffle files (executors' too) under the test's directory.
     */
    Map<String, String> environment(Path localDirs) throws IOException {
        return Map.of("SPARK_HOME", sparkHome.toString(),
                "SPARK_SCALA_VERSION", scalaVersion(),
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_DIRS", localDirs.toString());
    }

    /** Spark's own JDK 17 --add-opens list (what spark-submit and spark-class add), from the launcher on this class path. */
    static List<String> javaModuleOptions() {
        // 3.5 has only the space-separated form; none of its options contains a space
        return Arrays.asList(JavaModuleOptions.defaultModuleOptions().trim().split("\\s+"));
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Fails fast when the build did not lay things out, or a jar ended up both in jars/ and in app-jars. */
    void check() throws IOException {
        scalaVersion();
        if (!Files.isRegularFile(jobJar)) {
            throw new IOException("job jar not built: " + jobJar);
        }
        Set<String> both = new TreeSet<>(artifacts(jarsDir()));
        both.retainAll(artifacts(appJars));
        if (!both.isEmpty()) {
            throw new IOException("in both " + jarsDir() + " and " + appJars + " (make them provided in the pom): " + both);
        }
    }

    private static List<String> artifacts(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            jars.map(p -> ARTIFACT.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> names.add(m.group(1)));
        }
        return names;
    }
}
