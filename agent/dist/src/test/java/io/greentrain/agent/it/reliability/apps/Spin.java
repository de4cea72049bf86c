package io.greentrain.agent.it.reliability.apps;

/** How long each tiny training call works; shared by every class made from {@link TinyTrainerTemplate}. */
public final class Spin {

    /** Microseconds of busy spinning per call (0: return at once). */
    public static volatile long micros;

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
    }
}
