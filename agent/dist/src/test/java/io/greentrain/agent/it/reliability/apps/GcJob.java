package io.greentrain.agent.it.reliability.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A job that computes and asks for a full GC every 100 ms, until the file named by the first argument exists: what
 * any long job's heap does to objects nobody holds. Prints "ready" first.
 */
public final class GcJob {

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        Path stop = Paths.get(args[0]);
        long deadline = System.currentTimeMillis() + 120_000;
        long work = 0;
        while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
            for (int i = 0; i < 2_000_000; i++) {
                work += (long) i * i % 7;
            }
            System.gc();
            Thread.sleep(100);
        }
        System.out.println(work >= 0 ? "job done" : "overflow");
    }
}
