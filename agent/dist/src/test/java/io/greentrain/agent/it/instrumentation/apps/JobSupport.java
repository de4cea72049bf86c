package io.greentrain.agent.it.instrumentation.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

/**
 * Shared by the training jobs the instrumentation ITs fork. The jobs know nothing about GreenTrain: they train from the
 * first milliseconds of {@code main}, and the dormant agent must still measure their first call.
 *
 * <p>Output protocol: {@code job: step <name>} on stderr before each step, so the agent's debug lines (also on stderr)
 * can be attributed to steps in order; results ({@code <key> <value>}) on stdout, which must be byte-identical with
 * and without the agent.
 */
public final class JobSupport {

    private JobSupport() {
    }

    public static void step(String name) {
        System.err.println("job: step " + name);
        System.err.flush();
    }

    /** Keeps this thread busy for about {@code millis} ms of work that is not training (hashing); returns its digest. */
    public static long busy(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long h = 1125899906842597L;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 10_000; i++) {
                h = 31 * h + i;
            }
        }
        return h;
    }

    public static void result(String key, Object value) {
        System.out.println(key + " " + value);
        System.out.flush();
    }

    /**
     * The error step: runs a training call that must fail and prints {@code key} with the class and message of the
     * exception it throws ({@code none} if it returns), so the test can compare them with and without the agent.
     */
    public static void resultOrError(String key, Runnable failingCall) {
        try {
            failingCall.run();
            result(key, "none");
        } catch (RuntimeException e) {
            result(key, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Regression data: the first three features of {@code x} and a fourth column (V4) that is 2 x0 - x1 + 0.5. */
    public static double[][] linearTarget(double[][] x) {
        double[][] regression = new double[x.length][];
        for (int i = 0; i < regression.length; i++) {
            regression[i] = java.util.Arrays.copyOf(x[i], 4);
            regression[i][3] = 2 * x[i][0] - x[i][1] + 0.5;
        }
        return regression;
    }

    /** The Smile jobs' SVM hyperparameters (the same keys in Smile 3 and 6): Gaussian kernel, sigma 3, C 5. */
    public static java.util.Properties smileSvmOptions() {
        java.util.Properties options = new java.util.Properties();
        options.setProperty("smile.svm.kernel", "Gaussian(3.0)");
        options.setProperty("smile.svm.C", "5");
        return options;
    }

    /** A short, stable hash of predictions, so stdout can be compared between runs. */
    public static String hash(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(value).append(',');
        }
        return hash(text.toString());
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Synthetic 3-class problem: Gaussian blobs in {@code features} dimensions, fixed seed. */
    public static final class Blobs {
        public final double[][] x;
        public final int[] y;

        public Blobs(int rows, int features, long seed) {
            Random random = new Random(seed);
            double[][] centres = new double[3][features];
            Random centreRandom = new Random(7);
            for (double[] centre : centres) {
                for (int j = 0; j < features; j++) {
                    centre[j] = centreRandom.nextGaussian() * 1.5;
                }
            }
            x = new double[rows][features];
            y = new int[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = i % 3;
                for (int j = 0; j < features; j++) {
                    x[i][j] = centres[y[i]][j] + random.nextGaussian();
                }
            }
        }
    }

    /** Runs {@code task} on {@code threads} new threads at once and waits for all; rethrows the first failure. */
    public static void concurrently(int threads, String namePrefix, IndexedTask task) throws Exception {
        Thread[] workers = new Thread[threads];
        Throwable[] failures = new Throwable[threads];
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                    task.run(index);
                } catch (Throwable failure) {
                    failures[index] = failure;
                }
            }, namePrefix + index);
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }

    /** A task for thread number {@code index}. */
    public interface IndexedTask {
        void run(int index) throws Exception;
    }
}
