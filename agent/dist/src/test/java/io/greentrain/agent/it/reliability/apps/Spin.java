package io.greentrain.agent.it.reliability.apps;

/** How much each tiny training call works; shared by every class made from {@link TinyTrainerTemplate}. */
public final class Spin {

    /** Microseconds of busy spinning per call (0: return at once). A call that lasts a fixed time. */
    public static volatile long micros;
    /**
     * Rounds of fixed arithmetic per call (0: none). A call that does a fixed amount of work, so that its duration grows
     * with whatever the agent takes from the thread or the machine: what an overhead check must time.
     */
    public static volatile long operations;
    /** Keeps the JIT from dropping the arithmetic. */
    public static volatile long sink;

    private Spin() {
    }

    public static void now() {
        long us = micros;
        if (us > 0) {
            long end = System.nanoTime() + us * 1000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        long rounds = operations;
        if (rounds > 0) {
            long x = 0x9E3779B97F4A7C15L;
            for (long i = 0; i < rounds; i++) {
                x ^= x << 13; // xorshift: a dependency chain the JIT cannot vectorise or skip
                x ^= x >>> 7;
                x ^= x << 17;
            }
            sink = x;
        }
    }
}
