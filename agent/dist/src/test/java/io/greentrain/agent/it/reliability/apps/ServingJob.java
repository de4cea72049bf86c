package io.greentrain.agent.it.reliability.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A job that knows nothing of GreenTrain and stays up while the test talks to the agent in it: prints "ready", works in
 * rounds until the file named by the second argument exists (or 120 s pass), prints "job done" and exits with the
 * code given as the third argument (default 0). The first argument is the mode:
 * <ul>
 *   <li>{@code serve}: a light round (10,000 operations, then 20 ms asleep), a service that mostly waits;</li>
 *   <li>{@code gc}: a heavier round (2,000,000 operations) that ends with a full GC ({@code System.gc()}), then 100 ms
 *       asleep: what any long job's heap does to objects nobody holds, every 100 ms.</li>
 * </ul>
 */
public final class ServingJob {

    private ServingJob() {
    }

    public static void main(String[] args) throws Exception {
        boolean gc;
        switch (args[0]) {
            case "serve":
                gc = false;
                break;
            case "gc":
                gc = true;
                break;
            default:
                throw new IllegalArgumentException("mode serve or gc, not " + args[0]);
        }
        int operations = gc ? 2_000_000 : 10_000;
        long pauseMillis = gc ? 100 : 20;
        System.out.println("ready");
        System.out.flush();
        Path stop = Paths.get(args[1]);
        long deadline = System.currentTimeMillis() + 120_000;
        long work = 0;
        while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
            for (int i = 0; i < operations; i++) {
                work += (long) i * i % 7;
            }
            if (gc) {
                System.gc();
            }
            Thread.sleep(pauseMillis);
        }
        System.out.println(work >= 0 ? "job done" : "overflow");
        int exit = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
