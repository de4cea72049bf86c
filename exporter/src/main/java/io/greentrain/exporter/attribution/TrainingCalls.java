package io.greentrain.exporter.attribution;

/**
 * The boundary between the agent (which finds training calls) and the exporter (which knows joules and runs).
 * The agent calls these on the training thread at the call's boundaries; implementations must be
 * fast and must never throw.
 *
 * <p>Runs: calls with the same {@link CallStart#runKey()} belong to one run until it is idle for {@code runs.gap}
 * (or its scope ends). {@link #startedAgain} is the mini-batch path: the next call of a run the agent already
 * described, at the cost of a clock read and a counter.
 */
public interface TrainingCalls {

    /** Outcomes of a call; label values of {@code outcome}. */
    String SUCCESS = "success";
    String ERROR = "error";
    String INTERRUPTED = "interrupted";

    /** A call began now; returns the handle to pass to {@link #ended}. Never null, never throws. */
    CallHandle started(CallStart start);

    /**
     * A call began now inside {@code parent} (a handle this returned, whose call is in flight on the calling thread: a
     * user's block around a library call). Both calls are recorded; the energy is charged once, to the child while it
     * runs. The default ignores the parent.
     */
    default CallHandle startedWithin(CallStart start, CallHandle parent) {
        return started(start);
    }

    /** The call finished an epoch ({@code epochsCompleted} counted from 1). */
    void epochEnded(CallHandle call, int epochsCompleted);

    /**
     * The call ended now.
     *
     * @param outcome   {@link #SUCCESS} or {@link #ERROR}
     * @param errorType class name of the throwable for errors, else ""
     */
    void ended(CallHandle call, String outcome, String errorType);

    /**
     * The next call of the run that {@code previous} (a handle this returned, whose call has ended) belongs to, on the
     * calling thread, with {@code rows} rows of data (-1: unknown). Returns null when that run has ended: the caller
     * then describes the call and uses {@link #started}.
     */
    default CallHandle startedAgain(CallHandle previous, long rows) {
        return null;
    }

    /**
     * A scope ended (an explicit run, a cross-validation or search): the runs opened with this run key, or in the
     * group with this key, end now unless a call of theirs is still running. With {@code endsGroup}, the group ends too.
     */
    default void scopeEnded(String key, boolean endsGroup) {
    }

    /** Does nothing; used until the exporter is up and when GreenTrain is disabled. */
    TrainingCalls NONE = new TrainingCalls() {
        @Override
        public CallHandle started(CallStart start) {
            return CallHandle.UNTRACKED;
        }

        @Override
        public void epochEnded(CallHandle call, int epochsCompleted) {
        }

        @Override
        public void ended(CallHandle call, String outcome, String errorType) {
        }
    };
}
