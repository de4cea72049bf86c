package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.reliability.apps.ServingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NVML faults through a scripted stand-in library ({@link NvmlFaultLibrary}, {@code greentrain.nvml.library}): the
 * library missing, {@code nvmlInit_v2} failing, the GPU lost mid-run. The job's output and exit code never change;
 * the agent says what happened in one line. A healthy run of the same library shows that the GPU really is read,
 * so the faults are faults of a working sensor.
 */
class NvmlFaultsIT {

    @TempDir
    static Path dir;

    private static Path library;
    private static ForkedJvm.Result withoutAgent;

    @BeforeAll
    static void buildTheLibraryAndRunTheJobWithoutTheAgent() throws Exception {
        library = NvmlFaultLibrary.build(dir);
        Path stop = Files.createFile(dir.resolve("stop-now"));
        withoutAgent = ForkedJvm.main(ServingJob.class, "serve", stop.toString(), "3").workDir(dir).run();
        assertThat(withoutAgent.exitCode).isEqualTo(3);
    }

    /** Runs the job for about two seconds with the agent reading "GPUs" through the given library. */
    private static ForkedJvm.Result run(String nvmlLibrary, Map<String, String> env, String[] metrics) throws Exception {
        int port = Scraper.freePort();
        Path stop = dir.resolve("stop-" + port);
        ForkedJvm jvm = ForkedJvm.main(ServingJob.class, "serve", stop.toString(), "3").workDir(dir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1,sample.interval=100ms,nvml.library=" + nvmlLibrary);
        try (ForkedJvm.Live job = jvm.env(env).start()) {
            job.awaitStdout("ready", Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(60)).contains("greentrain_sensor_info{component=\"cpu\"")) {
                assertThat(System.nanoTime()).as("sensors started").isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(2000); // ~20 samples
            metrics[0] = Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(10));
            Files.createFile(stop);
            return job.finish(Duration.ofSeconds(60));
        }
    }

    private static List<String> nvmlLines(ForkedJvm.Result result) {
        return result.greenTrainLines().stream().filter(l -> l.contains("NVML") || l.contains("nvml") || l.contains("GPU"))
                .collect(Collectors.toList());
    }

    private static double gpuJoules(String metrics) {
        return new PrometheusText(metrics).sum("greentrain_host_energy_joules_total", Map.of("component", "gpu", "source", "nvml"));
    }

    @Test
    void healthyLibraryIsRead() throws Exception {
        assumeTrue(library != null, "no gcc: cannot build the NVML stand-in");
        String[] metrics = new String[1];
        ForkedJvm.Result result = run(library.toString(), Map.of(), metrics);
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(nvmlLines(result)).isEmpty();
        assertThat(gpuJoules(metrics[0])).as("GPU joules read through NVML").isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void libraryMissing() throws Exception {
        Path missing = dir.resolve("absent").resolve("libnvidia-ml.so.1");
        String[] metrics = new String[1];
        ForkedJvm.Result result = run(missing.toString(), Map.of(), metrics);
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(nvmlLines(result)).singleElement().satisfies(l -> assertThat(l).contains(missing.toString()));
        assertThat(metrics[0]).doesNotContain("component=\"gpu\"");
    }

    @Test
    void failingOnInit() throws Exception {
        assumeTrue(library != null, "no gcc: cannot build the NVML stand-in");
        String[] metrics = new String[1];
        ForkedJvm.Result result = run(library.toString(), Map.of("GTD_INIT_RC", "9"), metrics);
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(nvmlLines(result)).singleElement().satisfies(l -> assertThat(l).contains("nvmlInit_v2").contains("9"));
        assertThat(metrics[0]).doesNotContain("component=\"gpu\"");
    }

    @Test
    void failingMidRun() throws Exception {
        assumeTrue(library != null, "no gcc: cannot build the NVML stand-in");
        String[] metrics = new String[1];
        ForkedJvm.Result result = run(library.toString(), Map.of("GTD_FAIL_AFTER", "5"), metrics);
        JobOutput.assertUnchanged(result, withoutAgent);
        assertThat(nvmlLines(result)).singleElement().satisfies(l -> assertThat(l).contains("GPU 0").contains("15"));
        double joules = gpuJoules(metrics[0]);
        assertThat(joules).as("the energy read before the GPU was lost, and nothing invented after").isBetween(1.0, 5.0);
    }
}
