package io.greentrain.agent.it.reliability.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A job that knows nothing of GreenTrain: prints "ready", works until the file named by the first argument
 * exists (or 120 s pass), prints "job done" and exits with the code given as the second argument (default 0).
 */
public final class ServingJob {

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        Path stop = Paths.get(args[0]);
        long deadline = System.currentTimeMillis() + 120_000;
        long work = 0;
        while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
            for (int i = 0; i < 10_000; i++) {
                work += (long) i * i % 7;
            }
            Thread.sleep(20);
        }
        System.out.println(work >= 0 ? "job done" : "overflow");
        int exit = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
