package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.SparkApp;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SparkAppDetectionTest {

    /** The command a standalone Worker runs for an executor (Spark 3.5 ExecutorRunner), as sun.java.command shows it. */
    private static final String EXECUTOR_COMMAND = "org.apache.spark.executor.CoarseGrainedExecutorBackend --driver-url"
            + " spark://CoarseGrainedScheduler@127.0.0.1:40123 --executor-id 1 --hostname 127.0.0.1 --cores 1"
            + " --app-id app-20261207101500-0003 --worker-url spark://Worker@127.0.0.1:40200 --resourceProfileId 0";

    private static Properties command(String command) {
        Properties p = new Properties();
        p.setProperty("sun.java.command", command);
        return p;
    }

    @Test
    void anExecutorKnowsItsApplicationAndIdFromItsCommandLine() {
        SparkApp app = SparkAppDetection.fromProcess(Map.of(), command(EXECUTOR_COMMAND));
        assertThat(app).isEqualTo(new SparkApp("app-20261207101500-0003", "", "1"));
        assertThat(app.isSpark()).isTrue();
        assertThat(app.isComplete()).isFalse(); // the name is only in the executor's SparkEnv
    }

    @Test
    void aKubernetesExecutorPodIsKnownByItsEnvironment() {
        SparkApp app = SparkAppDetection.fromProcess(Map.of("SPARK_APPLICATION_ID", "spark-4f1c", "SPARK_EXECUTOR_ID", "7"),
                command("org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend --driver-url x"));
        assertThat(app).isEqualTo(new SparkApp("spark-4f1c", "", "7"));
    }

    @Test
    void aDriverStartedBySparkSubmitIsTheDriverWithTheNameItWasGiven() {
        Properties props = command("org.apache.spark.deploy.SparkSubmit --master spark://h:7077 --class Job job.jar");
        props.setProperty("spark.app.name", "nightly-train");
        props.setProperty("spark.master", "spark://h:7077");
        assertThat(SparkAppDetection.fromProcess(Map.of(), props)).isEqualTo(new SparkApp("", "nightly-train", "driver"));
    }

    @Test
    void aPlainJvmIsNotSparkAndNeverAsksForASparkEnv() {
        AtomicInteger asked = new AtomicInteger();
        SparkAppDetection.Lazy lazy = new SparkAppDetection.Lazy(
                SparkAppDetection.fromProcess(Map.of("PATH", "/usr/bin"), command("com.example.Train --epochs 3")),
                () -> {
                    asked.incrementAndGet();
                    return new SparkApp("x", "y", "z");
                }, 0);
        assertThat(lazy.get()).isEqualTo(SparkApp.NONE);
        assertThat(asked).hasValue(0);
        assertThat(SparkAppDetection.fromSparkEnv()).isEqualTo(SparkApp.NONE); // no Spark on this class path
    }

    @Test
    void theSparkEnvCompletesWhatTheCommandLineLacksAndIsThenNoLongerAsked() {
        AtomicInteger asked = new AtomicInteger();
        SparkApp[] live = {SparkApp.NONE};
        SparkAppDetection.Lazy lazy = new SparkAppDetection.Lazy(new SparkApp("app-1", "", "1"), () -> {
            asked.incrementAndGet();
            return live[0];
        }, 0);
        assertThat(lazy.get()).isEqualTo(new SparkApp("app-1", "", "1")); // SparkEnv not up yet
        live[0] = new SparkApp("app-1", "train-per-partition", "1");
        assertThat(lazy.get()).isEqualTo(new SparkApp("app-1", "train-per-partition", "1"));
        int after = asked.get();
        lazy.get();
        lazy.get();
        assertThat(asked).hasValue(after);
    }

    @Test
    void retriesAreSpacedSoARecordNeverPaysForReflectionTwiceInAnInterval() {
        AtomicInteger asked = new AtomicInteger();
        SparkAppDetection.Lazy lazy = new SparkAppDetection.Lazy(new SparkApp("", "job", "driver"), () -> {
            asked.incrementAndGet();
            return SparkApp.NONE;
        }, 60_000);
        for (int i = 0; i < 100; i++) {
            lazy.get();
        }
        assertThat(asked).hasValue(1);
    }
}
