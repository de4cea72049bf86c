package io.greentrain.api;

import java.util.concurrent.Callable;

/**
 * Marks work the GreenTrain agent should measure as one training call, for training loops it cannot
 * find by itself (hand-written loops, other libraries, data preparation worth charging).
 *
 * <pre>{@code
 * Model model = GreenTrain.measure("my-loop", () -> trainMyWay(data));
 * }</pre>
 *
 * <p>Without the agent these methods only run the code: no threads, no state, no dependencies. With the
 * agent attached, each outermost call is recorded with library {@code custom} and the label as the model
 * (labels are bounded like model names: keep them few and fixed, never ids). Calls nested inside another
 * measured call (or inside a DL4J/Smile/Tribuo call) are counted once, by the outermost call.
 */
public final class GreenTrain {

    private GreenTrain() {
    }

    /**
     * Runs {@code work} as one measured call and returns its result; exceptions pass through unchanged.
     *
     * @param label a short, fixed name for the kind of work, e.g. {@code "el2n-scoring"}
     * @throws IllegalArgumentException if the label is null or blank, or the work is null
     */
    public static <T> T measure(String label, Callable<T> work) throws Exception {
        check(label, work);
        return work.call();
    }

    /** {@link #measure(String, Callable)} for work without a result or checked exceptions. */
    public static void run(String label, Runnable work) {
        check(label, work);
        work.run();
    }

    private static void check(String label, Object work) {
        if (label == null || label.trim().isEmpty()) {
            throw new IllegalArgumentException("label must be a non-blank name, got " + (label == null ? "null" : "'" + label + "'"));
        }
        if (work == null) {
            throw new IllegalArgumentException("work to measure must not be null (label '" + label + "')");
        }
    }
}
