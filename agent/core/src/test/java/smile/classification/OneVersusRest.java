package smile.classification;

import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/** Fixture: like Smile's OneVersusRest, trains one binary model per class in a parallel stream on a ForkJoin pool. */
public final class OneVersusRest implements Classifier {

    /** A pool of its own with 2 workers, so the fan-out reaches other threads even on a 1-CPU machine. */
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    private OneVersusRest() {
    }

    public static OneVersusRest fit(double[][] x, int[] y, BiFunction<double[][], int[], Classifier> trainer) throws Exception {
        POOL.submit(() -> IntStream.range(0, 4).parallel().forEach(k -> trainer.apply(x, y))).get();
        return new OneVersusRest();
    }
}
