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
 * (labels are bounded like model names: keep them few and fixed, never ids). The DL4J/Smile/Tribuo calls inside a
 * measured block are recorded too, as runs nested in the block's run ({@code parent_run_id}); each record holds its
 * own energy, so the block's record has what the block did besides them, and nothing is counted twice.
 *
 * <p>Runs and groups: the agent makes one run of the consecutive training calls on one model object, and one group of
 * the runs inside a library's cross-validation helper. Where that is not what you mean, say it:
 *
 * <pre>{@code
 * try (GreenTrain.Scope search = GreenTrain.startGroup("lr-search")) {
 *     for (double lr : rates) {
 *         try (GreenTrain.Scope run = GreenTrain.startRun("lr=" + lr)) {
 *             trainAndEvaluate(lr);   // every training call in here is one run, whatever the model objects
 *         }
 *     }
 * }
 * }</pre>
 *
 * Run names appear in records and as the {@code run_name} label of {@code greentrain_training_run_info}: keep them
 * few (bounded like model names), not ids.
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

    /**
     * Opens an explicit run on this thread until the scope is closed: every training call made inside it, on any
     * model, belongs to this one run (nested runs: the innermost wins).
     *
     * @throws IllegalArgumentException if the name is null or blank
     */
    public static Scope startRun(String name) {
        return new Scope("run", name);
    }

    /**
     * Opens an explicit group (a search, a cross-validation written by hand) on this thread until the scope is closed:
     * the runs made inside it are reported together, with the group's totals when it closes.
     *
     * @throws IllegalArgumentException if the name is null or blank
     */
    public static Scope startGroup(String name) {
        return new Scope("group", name);
    }

    /** An open run or group; close it on the thread that opened it (try-with-resources). Closing twice is harmless. */
    public static final class Scope implements AutoCloseable {

        private final String kind;
        private final String name;
        /** Set by the agent's advice on {@link #opened()}; null without the agent. */
        private Object agentToken;
        private boolean closed;

        Scope(String kind, String name) {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException(kind + " name must be a non-blank name, got " + (name == null ? "null" : "'" + name + "'"));
            }
            this.kind = kind;
            this.name = name;
            opened();
        }

        /** The scope's name. */
        public String name() {
            return name;
        }

        /** Where the agent's advice hooks in; does nothing by itself. */
        private void opened() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                ended();
            }
        }

        /** Where the agent's advice hooks in; does nothing by itself. */
        private void ended() {
        }

        @Override
        public String toString() {
            return kind + " '" + name + "'" + (agentToken == null ? "" : " (measured)");
        }
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
