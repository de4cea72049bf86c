package io.greentrain.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Trainer;
import org.tribuo.greentrain.bench.NoWorkTrainer;

/**
 * Cost of one instrumented training call's enter + exit: {@code train} of a Tribuo trainer that does no work
 * ({@link NoWorkTrainer}). Run in forks with and without {@code -javaagent:} in the JVM arguments,
 * as OpenTelemetry's {@code benchmark-overhead-jmh} does; the difference is what the agent adds to each call.
 * {@link OverheadBench} runs the variants; by hand:
 * <pre>
 * java -cp examples/target/greentrain-examples.jar org.openjdk.jmh.Main OverheadCallBenchmark \
 *     -jvmArgsAppend "-javaagent:agent/dist/target/greentrain-agent.jar=prometheus.port=0,records.file=,console.enabled=false"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OverheadCallBenchmark {

    private Trainer<?> trainer;

    @Setup
    public void setUp() throws InterruptedException {
        // as a real job does while it loads data: give an attached agent time to finish starting
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("greentrain-init") && t.isAlive())) {
            Thread.sleep(10);
        }
        trainer = new NoWorkTrainer();
    }

    @Benchmark
    public Object trainingCall() {
        return NoWorkTrainer.call(trainer);
    }
}
