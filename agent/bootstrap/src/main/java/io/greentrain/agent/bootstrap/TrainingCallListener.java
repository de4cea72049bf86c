package io.greentrain.agent.bootstrap;

/**
 * Implemented by the agent core (behind the isolating loader) and installed into
 * {@link TrainingCallBridge}. JDK types only, because it is shared across class loaders.
 */
public interface TrainingCallListener {

    /**
     * The outermost training call on this thread began.
     *
     * @param library  {@code dl4j}, {@code smile}, {@code tribuo}, {@code subset}
     * @param type     name of the class declaring the intercepted method
     * @param method   the intercepted method's name
     * @param receiver the model/trainer instance, null for static methods (do not keep a reference)
     * @param args     the call's arguments (do not keep references)
     * @return a handle passed back to {@link #callEnded}, or null to ignore the call
     */
    Object callStarted(String library, String type, String method, Object receiver, Object[] args);

    /** The call ended; {@code thrown} is null on success. */
    void callEnded(Object handle, Throwable thrown);

    /** The training inside a tracked call finished an epoch (receiver is the model whose epoch ended). */
    void epochEnded(Object receiver);

    /** Kinds of {@link #scopeEntered} scopes. */
    String RUN_SCOPE = "run";
    String GROUP_SCOPE = "group";
    /** A library's cross-validation or search helper; its name is the helper's class name. */
    String LIBRARY_GROUP_SCOPE = "library-group";

    /**
     * A scope began on this thread: an explicit run or group of the GreenTrain API, or a library's cross-validation or
     * search helper. Training calls made inside it belong to it. Scopes do not count as training calls.
     *
     * @return a token passed back to {@link #scopeExited}, or null to ignore the scope
     */
    default Object scopeEntered(String kind, String name) {
        return null;
    }

    /** The scope {@code token} (from {@link #scopeEntered}) ended. */
    default void scopeExited(Object token) {
    }

    /**
     * Advice code, or this listener called from it, threw {@code problem}; the training call went on without it. Counted
     * and reported once by the agent ({@code greentrain_agent_errors_total{component="advice"}}). Never throws.
     *
     * @param count how many failures this report stands for (more than one for those that happened before the
     *              listener was installed)
     */
    default void adviceFailed(Throwable problem, int count) {
    }
}
