package io.greentrain.examples.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Where the build put what a Spark cluster needs (see this module's pom): {@code spark-home/jars}, Spark's own class
 * path as a distribution's {@code jars/} directory; {@code app-jars}, the job's dependencies for {@code --jars};
 * {@code dl4j-jars}, what only the DL4J job adds to them (DL4J, ND4J and its 90 MB native jar); the job jar; the
 * GreenTrain agent jar.
 */
record SparkLayout(Path sparkHome, Path appJars, Path dl4jJars, Path jobJar, Path agentJar) {

    private static final Pattern SPARK_CORE = Pattern.compile("spark-core_(\\d+\\.\\d+)-.*\\.jar");
    /**
     * Classes that may be in two directories: JSR-305's annotations, which ND4J's repackaged guava (dl4j-jars) carries
     * next to Spark's jsr305 jar; annotations only, no behaviour.
     */
    private static final String HARMLESS_DUPLICATES = "javax/annotation/";

    /** From failsafe's system properties, falling back to the paths a plain {@code mvn package} leaves. */
    static SparkLayout fromSystemProperties() {
        return new SparkLayout(
                path("greentrain.spark.home", "target/spark-home"),
                path("greentrain.spark.app.jars", "target/app-jars"),
                path("greentrain.spark.dl4j.jars", "target/dl4j-jars"),
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
        return jarFiles(appJars);
    }

    /** app-jars plus dl4j-jars: what the DL4J job ships with {@code --jars}. */
    List<Path> dl4jAppJarFiles() throws IOException {
        List<Path> all = new ArrayList<>(jarFiles(appJars));
        all.addAll(jarFiles(dl4jJars));
        return all;
    }

    private static List<Path> jarFiles(Path dir) throws IOException {
        try (Stream<Path> jars = Files.list(dir)) {
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

    /**
     * Fails fast when the build did not lay things out, or one class is in two of jars/, app-jars and dl4j-jars: two
     * versions of one library on an executor, where which one loads depends on the class loader (jars/ is the
     * system class path, {@code --jars} a child loader that asks it first). Artifact names are not enough: DL4J's
     * net.sf.opencsv:opencsv 2.3 and Tribuo's com.opencsv:opencsv 5.9 share a file name and no class.
     */
    void check() throws IOException {
        scalaVersion();
        if (!Files.isRegularFile(jobJar)) {
            throw new IOException("job jar not built: " + jobJar);
        }
        Map<String, Path> owner = new HashMap<>();
        Set<String> clashes = new TreeSet<>();
        for (Path dir : List.of(jarsDir(), appJars, dl4jJars)) {
            for (Path jar : jarFiles(dir)) {
                for (String entry : classes(jar)) {
                    Path first = owner.putIfAbsent(entry, jar);
                    if (first != null && !first.getParent().equals(dir) && !entry.startsWith(HARMLESS_DUPLICATES)) {
                        clashes.add(first.getFileName() + " and " + dir.getFileName() + "/" + jar.getFileName());
                    }
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new IOException("the same classes in two of " + jarsDir() + ", " + appJars + ", " + dl4jJars
                    + " (make one provided, pin it or exclude it in the pom): " + clashes);
        }
    }

    /** The class entries of a jar, module and multi-release descriptors left out. */
    private static List<String> classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .collect(Collectors.toList());
        }
    }
}
