package io.greentrain.agent.it.apps;

/** Waits until the agent is up, then lists every live thread with its daemon flag. */
public final class ThreadListingJob {

    public static void main(String[] args) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline
                && Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("greentrain-http"))) {
            Thread.sleep(50);
        }
        Thread.sleep(1500); // let sampler and other agent threads start too
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            System.out.println(thread.getName() + " daemon=" + thread.isDaemon());
        }
    }
}
