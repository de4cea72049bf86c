package io.greentrain.examples.bench;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.RowSource;
import io.greentrain.subset.StreamingSelector;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selection throughput of subset-core on n = 1,000,000 rows of d = 54 floats (216 MB of features, the shape of
 * Covertype), single-threaded. GB/s of features = rows·d·4 bytes / time per operation. The two-pass methods read the
 * features twice; {@code kcenter} is O(n·m·d) and is measured with m = 100 centres.
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

    @Benchmark
    public Coreset uniform() {
        return CoresetSelector.uniform().size(m).seed(1).select(features);
    }

    @Benchmark
    public Coreset stratified() {
        return CoresetSelector.stratified().size(m).seed(1).select(features, labels);
    }

    @Benchmark
    public Coreset lightweight() {
        return CoresetSelector.lightweight().size(m).seed(1).select(features);
    }

    @Benchmark
    public Coreset archetypal() {
        return CoresetSelector.archetypal().size(m).seed(1).select(features);
    }

    @Benchmark
    public Coreset lightweightPerClass() {
        return CoresetSelector.lightweight().size(m).seed(1).perClass(true).select(features, labels);
    }

    /** The same two passes through the streaming interface (a cursor per pass instead of array indexing). */
    @Benchmark
    public Coreset lightweightStreamed() {
        return StreamingSelector.of(CoresetSelector.lightweight().size(m).seed(1))
                .select(RowSource.of(features, labels));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public Coreset kcenter() {
        return CoresetSelector.kcenter().size(KCENTER_CENTRES).seed(1).select(features);
    }
}
