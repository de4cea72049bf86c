package io.greentrain.agent.it.reliability.apps;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.tribuo.Trainer;

/**
 * A job that knows nothing of GreenTrain and trains with tiny Tribuo trainers (see {@link TrainerClasses}).
 * Modes (first argument):
 * <ul>
 *   <li>{@code calls N MICROS}: N calls one after the other, each spinning MICROS µs;</li>
 *   <li>{@code in-flight N MICROS}: N calls, prints {@code finished N}, then one call that spins for 10 minutes
 *       (the test kills the JVM during it);</li>
 *   <li>{@code heap N EVERY}: N instant calls; after every EVERY calls a full GC and a line
 *       {@code heap <calls> <used bytes>} (the heap the agent keeps, since this job keeps nothing);</li>
 *   <li>{@code threads T MICROS}: T threads start one call each at the same moment;</li>
 *   <li>{@code models K}: one call on each of K distinct trainer classes {@code M00000..};</li>
 *   <li>{@code until FILE MICROS}: calls until the file exists; prints each call's wall time:
 *       {@code time durations_us <µs>,<µs>,...}.</li>
 * </ul>
 * With {@code -Dgate.start=FILE} the job prints {@code ready} and waits for FILE before training; with
 * {@code -Dgate.end=FILE} it prints {@code trained} and waits for FILE before ending (so a test can scrape).
 * Lines starting with {@code time } or {@code heap } vary from run to run; everything else is deterministic.
 * Every mode first waits as {@link #awaitAgentStarted()} says and ends with {@code job done} and exit code 0.
 */
public final class TrainingJob {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        TrainerClasses classes = new TrainerClasses();
        awaitAgentStarted();
        gate("gate.start", "ready");
        switch (mode) {
            case "calls": {
                long n = Long.parseLong(args[1]);
                Spin.micros = Long.parseLong(args[2]);
                Trainer<?> trainer = classes.newTrainer("TinyTrainer");
                long t0 = System.nanoTime();
                for (long i = 0; i < n; i++) {
                    TrainerClasses.train(trainer);
                }
                System.out.println("calls " + n);
                System.out.println("time " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                break;
            }
            case "in-flight": {
                long n = Long.parseLong(args[1]);
                Spin.micros = Long.parseLong(args[2]);
                Trainer<?> trainer = classes.newTrainer("TinyTrainer");
                for (long i = 0; i < n; i++) {
                    TrainerClasses.train(trainer);
                }
                System.out.println("finished " + n);
                Spin.micros = 600_000_000L;
                Trainer<?> longOne = classes.newTrainer("LongTrainer");
                System.out.println("in flight");
                System.out.flush();
                TrainerClasses.train(longOne);
                break;
            }
            case "heap": {
                long n = Long.parseLong(args[1]);
                long every = Long.parseLong(args[2]);
                Spin.micros = 0;
                Trainer<?> trainer = classes.newTrainer("TinyTrainer");
                long t0 = System.nanoTime();
                for (long i = 1; i <= n; i++) {
                    TrainerClasses.train(trainer);
                    if (i % every == 0) {
                        System.out.println("heap " + i + " " + usedHeapAfterGc());
                    }
                }
                System.out.println("calls " + n);
                System.out.println("time " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                break;
            }
            case "threads": {
                int t = Integer.parseInt(args[1]);
                Spin.micros = Long.parseLong(args[2]);
                Trainer<?> trainer = classes.newTrainer("TinyTrainer");
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < t; i++) {
                    Thread thread = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        TrainerClasses.train(trainer);
                    }, "trainer-" + i);
                    thread.start();
                    threads.add(thread);
                }
                go.countDown();
                for (Thread thread : threads) {
                    thread.join();
                }
                System.out.println("threads " + t + " trained");
                break;
            }
            case "until": {
                // fixed work per call (args[2] rounds), so the call's duration shows what the agent costs the job
                java.nio.file.Path stop = java.nio.file.Paths.get(args[1]);
                Spin.micros = 0;
                Spin.operations = Long.parseLong(args[2]);
                Trainer<?> trainer = classes.newTrainer("TinyTrainer");
                StringBuilder durations = new StringBuilder();
                long t0 = System.nanoTime();
                while (!java.nio.file.Files.exists(stop) && System.nanoTime() - t0 < 300_000_000_000L) {
                    long start = System.nanoTime();
                    TrainerClasses.train(trainer);
                    durations.append(durations.length() == 0 ? "" : ",").append((System.nanoTime() - start) / 1000);
                }
                System.out.println("time durations_us " + durations);
                break;
            }
            case "models": {
                int k = Integer.parseInt(args[1]);
                Spin.micros = 0;
                for (int i = 0; i < k; i++) {
                    TrainerClasses.train(classes.newTrainer(String.format("M%05d", i)));
                }
                System.out.println("models " + k + " trained");
                break;
            }
            default:
                throw new IllegalArgumentException(mode);
        }
        gate("gate.end", "trained");
        System.out.println("job done");
    }

    /** When the system property names a file: prints the word, then waits (at most 120 s) until that file exists. */
    private static void gate(String property, String word) throws InterruptedException {
        String file = System.getProperty(property);
        if (file == null) {
            return;
        }
        System.out.println(word);
        System.out.flush();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!java.nio.file.Files.exists(java.nio.file.Paths.get(file)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Stands in for loading data: a real job spends seconds before its first training call, in which an attached
     * agent finishes starting (calls before that are not measured). Here: until no thread {@code greentrain-init}
     * is alive (at once without the agent), at most 30 s.
     */
    static void awaitAgentStarted() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("greentrain-init") && t.isAlive())) {
            Thread.sleep(10);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            best = Math.min(best, heap.getUsed());
        }
        return best;
    }
}
