package io.greentrain.agent.it.apps;

/** Prints "ready", then works until a file named by the first argument exists (or 60 s pass). */
public final class WaitingJob {

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        java.nio.file.Path stop = java.nio.file.Paths.get(args[0]);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!java.nio.file.Files.exists(stop) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("stopped");
    }
}
