package io.greentrain.exporter.attribution;

import io.greentrain.exporter.records.SparkApp;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Finds out whether this JVM is a Spark driver or executor, and of which application, without linking a Spark class
 * (the agent must load in every JVM, Spark or not). In order:
 * <ol>
 * <li>the executor's command line: a standalone or YARN worker starts {@code CoarseGrainedExecutorBackend ... --executor-id 3
 * ... --app-id app-...}, visible as {@code sun.java.command};</li>
 * <li>the environment Spark on Kubernetes gives executor pods: {@code SPARK_APPLICATION_ID}, {@code SPARK_EXECUTOR_ID};</li>
 * <li>on a driver started by spark-submit, the {@code spark.*} system properties it sets ({@code spark.app.name});</li>
 * <li>once the JVM is known to be Spark, the live {@code SparkEnv}'s configuration, read reflectively through the
 * system class loader where Spark lives: it alone knows the application name on an executor and the application id
 * on a driver (assigned by the cluster manager when the SparkContext starts).</li>
 * </ol>
 */
public final class SparkAppDetection {

    private static final List<String> EXECUTOR_BACKENDS = List.of(
            "org.apache.spark.executor.CoarseGrainedExecutorBackend",
            "org.apache.spark.executor.YarnCoarseGrainedExecutorBackend",
            "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend");

    private SparkAppDetection() {
    }

    /** What the command line, environment and system properties say; {@link SparkApp#NONE} when none names Spark. */
    public static SparkApp fromProcess(Map<String, String> env, Properties system) {
        List<String> words = Arrays.asList(system.getProperty("sun.java.command", "").split("\\s+"));
        String mainClass = words.get(0);
        SparkApp found = SparkApp.NONE;
        if (EXECUTOR_BACKENDS.contains(mainClass)) {
            found = new SparkApp(argument(words, "--app-id"), "", argument(words, "--executor-id"));
        }
        found = found.orElse(new SparkApp(env.getOrDefault("SPARK_APPLICATION_ID", ""), "", env.getOrDefault("SPARK_EXECUTOR_ID", "")));
        boolean driver = mainClass.equals("org.apache.spark.deploy.SparkSubmit") || system.getProperty("spark.master") != null;
        if (driver && !found.isSpark()) {
            found = new SparkApp(system.getProperty("spark.app.id", ""), system.getProperty("spark.app.name", ""), "driver");
        }
        return found;
    }

    /**
     * The live SparkEnv's view ({@link SparkApp#NONE} before it exists or outside Spark). Only called once
     * {@link #fromProcess} said Spark: {@code Class.forName} with {@code initialize=false} never starts Spark.
     */
    public static SparkApp fromSparkEnv() {
        try {
            Class<?> envClass = Class.forName("org.apache.spark.SparkEnv", false, ClassLoader.getSystemClassLoader());
            Object env = envClass.getMethod("get").invoke(null);
            if (env == null) {
                return SparkApp.NONE;
            }
            Object conf = envClass.getMethod("conf").invoke(env);
            Method get = conf.getClass().getMethod("get", String.class, String.class);
            return new SparkApp((String) get.invoke(conf, "spark.app.id", ""), (String) get.invoke(conf, "spark.app.name", ""),
                    (String) envClass.getMethod("executorId").invoke(env));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return SparkApp.NONE; // not (yet) a Spark JVM we can read: the command line's answer stands
        }
    }

    /**
     * This JVM's application, learnt as it becomes known: the process facts once, then the SparkEnv until complete
     * (at most every {@code retryMillis}, so a record or a scrape never pays for reflection more than that).
     */
    public static Supplier<SparkApp> ofThisJvm(long retryMillis) {
        return new Lazy(fromProcess(System.getenv(), System.getProperties()), SparkAppDetection::fromSparkEnv, retryMillis);
    }

    /** The word after {@code flag} on the command line, else "". */
    private static String argument(List<String> words, String flag) {
        int at = words.indexOf(flag);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : "";
    }

    /** Completes the process facts from the live SparkEnv, then stops asking. */
    static final class Lazy implements Supplier<SparkApp> {
        private final Supplier<SparkApp> live;
        private final long retryMillis;
        private volatile SparkApp known;
        private volatile long nextTryMillis;

        Lazy(SparkApp fromProcess, Supplier<SparkApp> live, long retryMillis) {
            this.known = fromProcess;
            this.live = live;
            this.retryMillis = retryMillis;
        }

        @Override
        public SparkApp get() {
            SparkApp current = known;
            if (!current.isSpark() || current.isComplete()) {
                return current;
            }
            long now = System.currentTimeMillis();
            if (now >= nextTryMillis) {
                nextTryMillis = now + retryMillis;
                current = current.orElse(live.get());
                known = current;
            }
            return current;
        }
    }
}
