package io.greentrain.examples.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.sensors.CpuModel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySnapshot;
import io.greentrain.exporter.sensors.SensorDetection;
import io.greentrain.exporter.sensors.SensorSet;
import io.greentrain.exporter.sensors.SysfsReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one energy sample on a host with 2 sockets (package + dram zones each, a powercap fixture tree
 * in a temp directory) and 8 GPUs (the NVML test double built by the exporter's test phase, loaded
 * through the real JNA binding), plus the process and host CPU-time reads.
 *
 * <ul>
 *   <li>{@code boundarySample}: {@link EnergySampler#sampleNow()}, what a training call pays at its start
 *       and end (counters and CPU times only);</li>
 *   <li>{@code periodicSample}: {@link EnergySampler#tick()}, what the sampler thread does each interval
 *       (also RSS and each GPU's process list).</li>
 * </ul>
 * Goal: under 50 µs. Run (after {@code mvn -pl examples -am install -DskipTests}; the exporter's
 * {@code process-test-classes} phase builds the NVML test double):
 * <pre>
 * mvn -q -pl examples exec:exec -Dexec.executable=java -Dexec.classpathScope=compile \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main SensorSampleBenchmark"
 * </pre>
 * {@code -Dgreentrain.bench.nvml=PATH} names the NVML test double if it is not at
 * {@code ../exporter/target/nvml-test-double/libnvml-test-double.so}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SensorSampleBenchmark {

    private static final int GPUS = 8;

    /** The control functions of the NVML test double (exporter/src/test/native/nvml_test_double.c). */
    public interface NvmlTestDouble extends Library {
        void gtd_reset(int deviceCount);

        void gtd_set_processes(int device, int count, int[] pids);
    }

    private Path powercap;
    private EnergySampler sampler;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        powercap = Files.createTempDirectory("greentrain-bench-powercap");
        for (int socket = 0; socket < 2; socket++) {
            Path pkg = zone(powercap.resolve("intel-rapl:" + socket), "package-" + socket, 1_000_000L * (socket + 1));
            Path dram = zone(pkg.resolve("intel-rapl:" + socket + ":0"), "dram", 500_000L * (socket + 1));
            Files.createSymbolicLink(powercap.resolve(dram.getFileName()), dram);
        }
        String library = System.getProperty("greentrain.bench.nvml",
                Paths.get("..", "exporter", "target", "nvml-test-double", "libnvml-test-double.so").toAbsolutePath().normalize().toString());
        if (!Files.isRegularFile(Paths.get(library))) {
            throw new IllegalStateException("NVML test double not found at " + library
                    + ": run mvn -pl examples -am install -DskipTests first, or set -Dgreentrain.bench.nvml");
        }
        NvmlTestDouble gpus = Native.load(library, NvmlTestDouble.class);
        gpus.gtd_reset(GPUS);
        int pid = (int) ProcessHandle.current().pid();
        for (int device = 0; device < GPUS; device++) {
            gpus.gtd_set_processes(device, 1, new int[] {pid});
        }
        GreenTrainConfig config = GreenTrainConfig.defaults()
                .with(Options.RAPL_ROOT, powercap.toString())
                .with(Options.NVML_LIBRARY, library);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime, CpuModel.detect());
        sampler = new EnergySampler(sensors, Duration.ofSeconds(1), System::nanoTime, System::currentTimeMillis);
        if (sampler.channels().size() != 2 + GPUS) {
            throw new IllegalStateException("expected cpu, dram and " + GPUS + " GPU channels, got " + sampler.channels());
        }
    }

    private static Path zone(Path directory, String name, long energy) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve("name"), (name + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(directory.resolve("max_energy_range_uj"), "262143328850\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(directory.resolve("energy_uj"), (energy + "\n").getBytes(StandardCharsets.US_ASCII));
        return directory;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sampler.close();
        try (Stream<Path> files = Files.walk(powercap)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public EnergySnapshot boundarySample() {
        return sampler.sampleNow();
    }

    @Benchmark
    public EnergySnapshot periodicSample() {
        return sampler.tick();
    }
}
