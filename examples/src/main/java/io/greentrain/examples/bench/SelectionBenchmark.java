package io.greentrain.examples.bench;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.RowSource;
import io.greentrain.subset.StreamingSelector;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selection throughput of subset-core on n = 1,000,000 rows of d = 54 floats (216 MB of features, the shape of
 * Covertype), single-threaded. GB/s of features = rows·d·4 bytes / time per operation. The two-pass methods read the
 * features twice; {@code kcenter} is O(n·m·d) and is measured with m = 100 centres.
 *
 * <p>Besides JMH's wall-clock score, the {@code cpuNanos} and {@code operations} counters give the selecting
 * thread's CPU time per operation: on a shared machine (other builds running) wall time includes waiting for a core,
 * CPU time does not.
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp "examples/target/classes:$(mvn -B -q -pl examples dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     org.openjdk.jmh.Main SelectionBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SelectionBenchmark {

    @Param("1000000")
    int rows;

    @Param("54")
    int width;

    @Param("1000")
    int m;

    /** Centres for kcenter: its cost grows with m, so it gets a smaller budget than the sampling methods. */
    static final int KCENTER_CENTRES = 100;

    float[][] features;
    int[] labels;

    @Setup
    public void generate() {
        // 7 classes of unequal size and spread around random centres, a rough stand-in for Covertype
        SplittableRandom random = new SplittableRandom(2024);
        float[][] centres = new float[7][width];
        for (float[] centre : centres) {
            for (int j = 0; j < width; j++) {
                centre[j] = (float) (random.nextDouble() * 100);
            }
        }
        features = new float[rows][width];
        labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int label = (int) Math.min(6, Math.floor(-Math.log(random.nextDouble()) * 2));
            labels[i] = label;
            double spread = 1 + label;
            for (int j = 0; j < width; j++) {
                features[i][j] = centres[label][j] + (float) (random.nextGaussian() * spread);
            }
        }
    }

    /**
     * CPU time of the benchmark thread, next to JMH's wall-clock score: CPU ms/op = cpuNanos / operations / 1e6
     * (both are reported as event counts aggregated the same way over the iterations).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        public long operations;

        @Setup(Level.Iteration)
        public void clear() {
            cpuNanos = 0;
            operations = 0;
        }

        Coreset measure(java.util.function.Supplier<Coreset> selection) {
            long start = THREADS.getCurrentThreadCpuTime();
            Coreset coreset = selection.get();
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            operations++;
            return coreset;
        }
    }

    @Benchmark
    public Coreset uniform(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.uniform().size(m).seed(1).select(features));
    }

    @Benchmark
    public Coreset stratified(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.stratified().size(m).seed(1).select(features, labels));
    }

    @Benchmark
    public Coreset lightweight(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.lightweight().size(m).seed(1).select(features));
    }

    @Benchmark
    public Coreset archetypal(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.archetypal().size(m).seed(1).select(features));
    }

    @Benchmark
    public Coreset lightweightPerClass(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.lightweight().size(m).seed(1).perClass(true)
                .select(features, labels));
    }

    /** The same two passes through the streaming interface (a cursor per pass instead of array indexing). */
    @Benchmark
    public Coreset lightweightStreamed(CpuTime cpu) {
        return cpu.measure(() -> StreamingSelector.of(CoresetSelector.lightweight().size(m).seed(1))
                .select(RowSource.of(features, labels)));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public Coreset kcenter(CpuTime cpu) {
        return cpu.measure(() -> CoresetSelector.kcenter().size(KCENTER_CENTRES).seed(1).select(features));
    }
}
