package io.greentrain.examples.bench;

import io.greentrain.examples.data.LabelledData;
import io.greentrain.examples.jobs.Dl4jMlp;
import io.greentrain.examples.jobs.SmileLogisticRegression;
import io.greentrain.examples.jobs.Trainer;
import io.greentrain.examples.jobs.TribuoLogisticRegression;
import java.util.List;
import java.util.Random;

/**
 * The short JVMs {@link StartupBench} starts, with and without the agent: what a fleet-wide {@code -javaagent} flag
 * meets besides long training jobs. Each knows nothing of GreenTrain.
 */
public final class StartupJobs {

    private StartupJobs() {
    }

    /** No ML library at all: a command-line tool, a test run. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    /** Two Smile fits on a few thousand rows (about 0.4 s without the agent): a short batch job. */
    public static final class ShortSmile {
        public static void main(String[] args) {
            LabelledData data = blobs(3000, 10, 2, 1);
            new SmileLogisticRegression(0.0, 500).train(data, null, 1);
            new SmileLogisticRegression(0.1, 500).train(data, null, 2);
            System.out.println("trained 2");
        }
    }

    /** One small model of each library in one JVM. */
    public static final class EachLibrary {
        public static void main(String[] args) {
            LabelledData data = blobs(1000, 10, 3, 3);
            List<Trainer> trainers = List.of(new Dl4jMlp(16, 2, 64), new SmileLogisticRegression(0.0, 200), new TribuoLogisticRegression(2));
            for (Trainer trainer : trainers) {
                trainer.train(data, null, 4);
            }
            System.out.println("trained " + trainers.size());
        }
    }

    /** Gaussian blobs, one per class, fixed seed. */
    static LabelledData blobs(int rows, int features, int classes, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[rows][features];
        int[] y = new int[rows];
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = "class" + c;
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i % classes;
            for (int j = 0; j < features; j++) {
                x[i][j] = (float) (random.nextGaussian() + y[i]);
            }
        }
        return new LabelledData("blobs", x, y, names);
    }
}
