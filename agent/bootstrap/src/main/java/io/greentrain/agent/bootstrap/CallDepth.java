package io.greentrain.agent.bootstrap;

/**
 * Per-thread nesting depth of intercepted training methods (the OpenTelemetry CallDepth idea), so only
 * the outermost call on a thread is reported.
 */
public final class CallDepth {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private CallDepth() {
    }

    /** Increments and returns the depth before the increment (0 = outermost). */
    public static int increment() {
        int[] depth = DEPTH.get();
        return depth[0]++;
    }

    /** Decrements; never goes below zero. */
    public static void decrement() {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            depth[0]--;
        }
    }
}
