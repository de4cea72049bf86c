package io.greentrain.exporter.attribution;

/**
 * The boundary between the agent (which finds training calls) and the exporter (which knows joules).
 * The agent calls these on the training thread at the call's boundaries; implementations must be
 * fast and must never throw.
 */
public interface TrainingCalls {

    /** Outcomes of a call; label values of {@code outcome}. */
    String SUCCESS = "success";
    String ERROR = "error";
    String INTERRUPTED = "interrupted";

    /** A call began now; returns the handle to pass to {@link #ended}. Never null, never throws. */
    CallHandle started(CallStart start);

    /** The call finished an epoch ({@code epochsCompleted} counted from 1). */
    void epochEnded(CallHandle call, int epochsCompleted);

    /**
     * The call ended now.
     *
     * @param outcome   {@link #SUCCESS} or {@link #ERROR}
     * @param errorType class name of the throwable for errors, else ""
     */
    void ended(CallHandle call, String outcome, String errorType);

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
