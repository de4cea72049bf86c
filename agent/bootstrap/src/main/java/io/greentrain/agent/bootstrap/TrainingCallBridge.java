package io.greentrain.agent.bootstrap;

/**
 * The only GreenTrain code that inlined advice calls. It lives on the boot class loader so that advice
 * inlined into classes of any loader resolves to this one class; it uses JDK types only and never throws.
 *
 * <p>Nesting: every intercepted library method increments this thread's {@link CallDepth}; only the outermost
 * one is reported, so {@code fit(iterator, epochs)} calling {@code fit(iterator)} counts once, and a Tribuo
 * ensemble calling inner trainers counts once. A user's block ({@code GreenTrain.measure/run}) is not a library
 * method: it does not touch the depth ({@link #enterBlock}), so the library calls inside it are reported too, and the
 * listener records them as its children. Fan-out to other threads is decided by the listener.
 */
public final class TrainingCallBridge {

    /** Returned for inner calls: the exit only unwinds the depth. */
    private static final Object NESTED = new Object();
    /** Returned for an outermost call nobody tracks (listener absent or declined). */
    private static final Object UNTRACKED = new Object();

    private static volatile TrainingCallListener listener;
    /** Failures before a listener was installed (guarded by the class): handed to the listener at install. */
    private static Throwable earlyFailure;
    private static int earlyFailures;

    private TrainingCallBridge() {
    }

    public static void install(TrainingCallListener newListener) {
        listener = newListener;
        Throwable first;
        int count;
        synchronized (TrainingCallBridge.class) {
            first = earlyFailure;
            count = earlyFailures;
            earlyFailure = null;
            earlyFailures = 0;
        }
        if (newListener != null && count > 0) {
            report(newListener, first, count);
        }
    }

    /**
     * Called by the exception handler of every advice (InstrumentationInstaller) instead of swallowing what the advice
     * threw, and by this class where the listener threw. Never throws.
     */
    public static void adviceFailed(Throwable problem) {
        TrainingCallListener current = listener;
        if (current == null) {
            synchronized (TrainingCallBridge.class) {
                if (earlyFailure == null) {
                    earlyFailure = problem;
                }
                earlyFailures++;
            }
            return;
        }
        report(current, problem, 1);
    }

    private static void report(TrainingCallListener current, Throwable problem, int count) {
        try {
            current.adviceFailed(problem, count);
        } catch (Throwable ignored) {
            // the report of a failure failed: nothing is left to tell, and the job must go on
        }
    }

    /** Called by inlined enter advice. Never null: the exit advice relies on it to unwind the depth. */
    public static Object enter(String library, String type, String method, Object receiver, Object[] args) {
        if (CallDepth.increment() > 0) {
            return NESTED;
        }
        TrainingCallListener current = listener;
        if (current == null) {
            return UNTRACKED;
        }
        try {
            Object handle = current.callStarted(library, type, method, receiver, args);
            return handle == null ? UNTRACKED : handle;
        } catch (Throwable t) {
            adviceFailed(t);
            return UNTRACKED;
        }
    }

    /**
     * Called by the inlined enter advice of a user's block ({@code GreenTrain.measure/run}): always reported, whatever
     * the depth, and without raising it, so that the library calls inside the block are reported as its children.
     * Never null.
     */
    public static Object enterBlock(String type, String method, Object[] args) {
        TrainingCallListener current = listener;
        if (current == null) {
            return UNTRACKED;
        }
        try {
            Object handle = current.callStarted("custom", type, method, null, args);
            return handle == null ? UNTRACKED : handle;
        } catch (Throwable t) {
            adviceFailed(t);
            return UNTRACKED;
        }
    }

    /** Called by the inlined exit advice of a user's block, also when it threw. */
    public static void exitBlock(Object token, Throwable thrown) {
        if (token != null && token != UNTRACKED) {
            ended(token, thrown);
        }
    }

    /** Called by inlined exit advice, also when the method threw. */
    public static void exit(Object token, Throwable thrown) {
        if (token == null) {
            return; // the enter advice failed before counting this call
        }
        CallDepth.decrement();
        if (token == NESTED || token == UNTRACKED) {
            return;
        }
        ended(token, thrown);
    }

    private static void ended(Object token, Throwable thrown) {
        TrainingCallListener current = listener;
        if (current != null) {
            try {
                current.callEnded(token, thrown);
            } catch (Throwable t) {
                adviceFailed(t); // never let accounting break the training call
            }
        }
    }

    /** Called by advice on epoch boundaries of libraries that have them. */
    public static void epochEnded(Object receiver) {
        TrainingCallListener current = listener;
        if (current != null) {
            try {
                current.epochEnded(receiver);
            } catch (Throwable t) {
                adviceFailed(t); // never let accounting break the training call
            }
        }
    }

    /**
     * Called by advice where a scope begins (an explicit run or group, a library's cross-validation helper). Scopes do not
     * touch {@link CallDepth}: the training calls inside them stay outermost calls. Never null.
     */
    public static Object scopeEnter(String kind, String name) {
        TrainingCallListener current = listener;
        if (current == null) {
            return UNTRACKED;
        }
        try {
            Object token = current.scopeEntered(kind, name);
            return token == null ? UNTRACKED : token;
        } catch (Throwable t) {
            adviceFailed(t);
            return UNTRACKED;
        }
    }

    /** Called by advice where the scope {@code token} (from {@link #scopeEnter}) ends, also when it threw. */
    public static void scopeExit(Object token) {
        if (token == null || token == UNTRACKED) {
            return;
        }
        TrainingCallListener current = listener;
        if (current != null) {
            try {
                current.scopeExited(token);
            } catch (Throwable t) {
                adviceFailed(t); // never let accounting break the job
            }
        }
    }
}
