package io.greentrain.agent.it.instrumentation;

import static io.greentrain.agent.it.instrumentation.Steps.assertCleanRun;
import static io.greentrain.agent.it.instrumentation.Steps.assertConcurrentCalls;
import static io.greentrain.agent.it.instrumentation.Steps.assertOneCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.JobSupport;
import io.greentrain.agent.it.instrumentation.apps.SmileJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smile, real training in forked JVMs: 3.1.1 on this JDK (17) and 6.3.0 on Temurin JDK 25 ({@code Smile6Job.java} in
 * source-file mode, because javac 17 cannot read Smile 6 class files; it shares {@link JobSupport} with {@link SmileJob}
 * through the test classes on its class path). Both jobs run the same steps; they differ only where the Smile API does.
 */
class SmileInstrumentationIT {

    @TempDir
    static Path dir;

    /** The same expectations for both Smile generations; only the multi-start helper moved. */
    abstract static class SmileSteps {
        JobResult plain;
        JobResult traced;
        JobResult rapl;
        Path estimateRecords;
        Path raplRecords;

        abstract String multiStart();

        abstract ForkedJvm job() throws IOException;

        void runJob(String name) throws Exception {
            ThreeRuns runs = ThreeRuns.of(this::job, dir, name + "-");
            plain = runs.plain;
            traced = runs.traced;
            rapl = runs.rapl;
            estimateRecords = runs.estimateRecords;
            raplRecords = runs.raplRecords;
        }

        @Test
        void oneRecordPerCallWithEnergyOnTheEstimatePath() throws Exception {
            assertThat(Records.assertOnePerCall(traced, estimateRecords, "estimate")).hasSize(15);
        }

        @Test
        void oneRecordPerCallWithEnergyOnTheFixtureRaplTree() throws Exception {
            assertCleanRun(rapl);
            assertThat(Records.assertOnePerCall(rapl, raplRecords, "rapl")).hasSize(15);
        }

        @Test
        void oneCallPerOutermostFit() {
            assertCleanRun(traced);
            // LogisticRegression.fit(x, y) delegates to its other overloads on the same thread: one call
            JobResult.Started lr = assertOneCall(traced, "lr", "smile:LogisticRegression LogisticRegression#fit", "success");
            assertThat(lr.data).isEqualTo("double[900][10],int[900]");
            JobResult.Started rf = assertOneCall(traced, "rf", "smile:RandomForest RandomForest#fit", "success");
            assertThat(rf.data).isEqualTo("DataFrame[900x11]");
            assertOneCall(traced, "kmeans", "smile:KMeans KMeans#fit", "success");
            assertOneCall(traced, "ols", "smile:OLS OLS#fit", "success");
        }

        @Test
        void fanOutToTheForkJoinPoolIsOneCall() {
            // 3-class SVM: OneVersusRest fits one binary SVM per class in a parallel stream (common pool workers)
            assertOneCall(traced, "svm", "smile:SVM SVM#fit", "success");
            // run(4, () -> KMeans.fit(..)): four fits in a parallel stream, one call the user made
            assertOneCall(traced, "multistart", multiStart(), "success");
            assertThat(traced.allStarted()).noneMatch(s -> s.thread.startsWith("ForkJoinPool"));
        }

        @Test
        void eightThreadsTrainingConcurrentlyAreEightCalls() {
            assertConcurrentCalls(traced, "threads", "smile:LogisticRegression LogisticRegression#fit", 8);
        }

        @Test
        void aFailingFitIsAnErrorCallAndTheCallerGetsTheSameException() {
            assertOneCall(traced, "error", "smile:LogisticRegression LogisticRegression#fit", "error");
            assertThat(traced.ended("error").get(0).errorType).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(plain.results().get("smile.error"))
                    .isEqualTo("java.lang.IllegalArgumentException: The sizes of X and Y don't match: 900 != 10");
            assertThat(traced.results().get("smile.error")).isEqualTo(plain.results().get("smile.error"));
        }

        @Test
        void trainedModelsAreIdenticalWithAndWithoutTheAgent() {
            assertCleanRun(plain);
            assertThat(plain.results()).containsKeys("smile.lr", "smile.rf", "smile.svm", "smile.ols", "smile.threads");
            assertThat(traced.stdout).isEqualTo(plain.stdout);
        }

        @Test
        void hyperparametersAreTheConfigurationFingerprint() {
            // fit(x, y) with defaults has no hyperparameter arguments; the seeded forest has
            assertThat(traced.started("lr").get(0).config).isEmpty();
            assertThat(traced.started("rf").get(0).config).matches("[0-9a-f]{16}");
            assertThat(traced.started("svm").get(0).config).matches("[0-9a-f]{16}");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Smile3OnJdk17 extends SmileSteps {

        @BeforeAll
        void runJob() throws Exception {
            runJob("smile3");
        }

        @Override
        ForkedJvm job() {
            return ForkedJvm.trainingJob(SmileJob.class);
        }

        @Override
        String multiStart() {
            return "smile:PartitionClustering PartitionClustering#run";
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Smile6OnJdk25 extends SmileSteps {

        @BeforeAll
        void runJob() throws Exception {
            assertThat(Paths.get(ForkedJvm.jdk25Home(), "bin", "java")).as("Temurin JDK 25 (jdk25.home)").isExecutable();
            assertThat(Paths.get("/usr/lib/x86_64-linux-gnu/libopenblas.so"))
                    .as("Smile 6 calls BLAS/LAPACK through FFM: apt-get install -y libopenblas-dev").exists();
            runJob("smile6");
        }

        @Override
        String multiStart() {
            return "smile:Clustering Clustering#run";
        }

        @Override
        ForkedJvm job() throws IOException {
            String classPath;
            try (Stream<Path> jars = Files.list(Paths.get("target", "smile6"))) {
                classPath = jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
            }
            // the job shares JobSupport with SmileJob: the test classes (Java 11 class files) are on its class path too
            String testClasses;
            try {
                testClasses = Paths.get(JobSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return ForkedJvm.sourceFile(Paths.get("src", "test", "resources", "instrumentation", "Smile6Job.java"))
                    .timeout(java.time.Duration.ofSeconds(240)).javaHome(ForkedJvm.jdk25Home())
                    .classPath(classPath + File.pathSeparator + testClasses).jvmArg("--enable-native-access=ALL-UNNAMED");
        }
    }
}
