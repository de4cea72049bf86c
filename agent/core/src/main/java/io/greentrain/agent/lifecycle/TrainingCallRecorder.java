package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.TrainingCallListener;
import io.greentrain.exporter.attribution.CallHandle;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.status.AgentLog;
import java.lang.ref.WeakReference;

/**
 * Translates what the bridge saw (library, declaring type, method, receiver, arguments) into the exporter's plain
 * {@link CallStart}; the agent knows nothing about joules, the exporter nothing about bytecode.
 *
 * <p>Runs: the calls are grouped into runs and groups by {@link RunScopes}. The next call on the same model object, same
 * entry point and same scopes as the thread's previous call is the mini-batch fast path: no description, one
 * {@link TrainingCalls#startedAgain} (a clock read and counters), so a hand-written loop of {@code net.fit(batch)} costs
 * little more than the loop.
 *
 * <p>One call per call the user made. The bridge reports only the outermost intercepted library call of a thread
 * (nesting on one thread counts once), and every user block ({@code GreenTrain.measure/run}). A call that begins while
 * another is in flight on its thread (a library call inside a block) is started as that call's child
 * ({@link TrainingCalls#startedWithin}): both are recorded, and the exporter charges the energy once. Fan-out to other threads counts once because the libraries' own worker tasks (ParallelWrapper
 * trainers, Smile's OneVersusRest/OneVersusOne and multi-start lambdas) raise their thread's nesting depth: the fits
 * they run never reach this class. Everything else on another thread is a call of its own, so calls that an
 * application runs concurrently on its threads (or its own ForkJoin tasks) are counted one by one.
 *
 * <p>Epochs: an epoch boundary belongs to the call in flight on the thread where it happens (DL4J fires them on the
 * thread that called {@code fit}); boundaries on threads without a call (a ParallelWrapper replica, a user calling
 * {@code incrementEpochCount()} outside training) are ignored.
 */
final class TrainingCallRecorder implements TrainingCallListener {

    private final TrainingCalls calls;
    private final CallDescriber describer = new CallDescriber();
    private final RunScopes scopes;
    private final ThreadLocal<ThreadCalls> threads = ThreadLocal.withInitial(ThreadCalls::new);

    TrainingCallRecorder(TrainingCalls calls) {
        this.calls = calls;
        this.scopes = new RunScopes(calls);
    }

    @Override
    public Object callStarted(String library, String type, String method, Object receiver, Object[] args) {
        ThreadCalls thread = threads.get();
        CallHandle handle = receiver == null ? null : continued(thread, receiver, method, args);
        if (handle == null) {
            handle = described(thread, library, type, method, receiver, args);
        }
        Tracked tracked = new Tracked(handle, library, thread.current);
        thread.current = tracked;
        thread.lastHandle = handle;
        return tracked;
    }

    /** The fast path: the thread's previous call was on this receiver, through this method, in the same scopes. */
    private CallHandle continued(ThreadCalls thread, Object receiver, String method, Object[] args) {
        WeakReference<Object> last = thread.lastReceiver;
        if (last == null || last.get() != receiver || thread.lastHandle == null || thread.current != thread.lastParent
                || thread.lastScope != thread.innermost || !method.equals(thread.lastEntryPoint) || !sameShape(thread, args)) {
            return null;
        }
        CallHandle handle = calls.startedAgain(thread.lastHandle, RowCounter.rows(args));
        if (handle == null) {
            thread.forgetLastCall(); // its run ended (runs.gap): describe this call, which starts the next run
        } else if (AgentLog.isDebug()) {
            debugStarted(thread.lastStart);
        }
        return handle;
    }

    private CallHandle described(ThreadCalls thread, String library, String type, String method, Object receiver, Object[] args) {
        Thread current = Thread.currentThread();
        String entryPoint = simpleName(type) + "#" + method;
        String config = describer.configFingerprint(library, receiver, args);
        RunScopes.Place place = scopes.placeOf(thread, receiver, entryPoint, config);
        CallStart start = new CallStart(library, describer.model(library, type, receiver, args), entryPoint,
                current.getName(), current.getId(), describer.epochsPlanned(library, method, args),
                describer.dataFingerprint(args), config, place.runKey, place.runName, place.groupKey, place.groupName,
                RowCounter.rows(args));
        Tracked parent = thread.current;
        CallHandle handle = parent == null ? calls.started(start) : calls.startedWithin(start, parent.handle);
        thread.lastParent = parent;
        if (receiver != null && !place.runKey.isEmpty()) {
            thread.lastReceiver = new WeakReference<>(receiver);
            thread.lastEntryPoint = method;
            thread.lastArgCount = args == null ? 0 : args.length;
            thread.lastFirstArgType = firstArgType(args);
            thread.lastScope = thread.innermost;
        } else {
            thread.forgetLastCall();
        }
        thread.lastStart = start;
        if (AgentLog.isDebug()) {
            debugStarted(start);
            AgentLog.debug("call placed run=" + place.runKey + " group=" + place.groupKey);
        }
        return handle;
    }

    @Override
    public void callEnded(Object handle, Throwable thrown) {
        Tracked tracked = (Tracked) handle;
        ThreadCalls thread = threads.get();
        if (thread.current == tracked) {
            thread.current = tracked.outer;
        }
        if (AgentLog.isDebug()) {
            AgentLog.debug("call ended " + tracked.library + (thrown == null ? " success" : " error " + thrown.getClass().getName())
                    + " epochs=" + tracked.epochs);
        }
        calls.ended(tracked.handle, thrown == null ? TrainingCalls.SUCCESS : TrainingCalls.ERROR,
                thrown == null ? "" : thrown.getClass().getName());
    }

    @Override
    public void epochEnded(Object receiver) {
        Tracked tracked = threads.get().current;
        if (tracked != null) {
            tracked.epochs++;
            calls.epochEnded(tracked.handle, tracked.epochs);
        }
    }

    @Override
    public Object scopeEntered(String kind, String name) {
        ThreadCalls thread = threads.get();
        RunScopes.Scope scope = scopes.entered(thread, kind, name);
        if (AgentLog.isDebug()) {
            AgentLog.debug("scope entered " + kind + " '" + scope.name + "' key=" + scope.key + (scope.passive ? " (nested)" : ""));
        }
        return scope;
    }

    @Override
    public void scopeExited(Object token) {
        if (token instanceof RunScopes.Scope) {
            scopes.exited(threads.get(), (RunScopes.Scope) token);
        }
    }

    @Override
    public void adviceFailed(Throwable problem, int count) {
        String where = problem.getStackTrace().length == 0 ? "" : " at " + problem.getStackTrace()[0];
        AgentLog.problems("advice", "exception", "instrumentation code threw " + problem.getClass().getName()
                + (problem.getMessage() == null ? "" : " (" + problem.getMessage() + ")") + where
                + "; the training call went on, and may not be measured", count);
    }

    /**
     * The same overload with the same kind of data as the previous call ({@code fit(DataSet)} again, not
     * {@code fit(iterator, epochs)} after it): only then does the previous description (epochs planned, data shape) hold.
     */
    private static boolean sameShape(ThreadCalls thread, Object[] args) {
        return (args == null ? 0 : args.length) == thread.lastArgCount && firstArgType(args) == thread.lastFirstArgType;
    }

    private static Class<?> firstArgType(Object[] args) {
        return args == null || args.length == 0 || args[0] == null ? null : args[0].getClass();
    }

    /** The line the forked-JVM tests read to know which calls the job made (one per call, fast path included). */
    private static void debugStarted(CallStart start) {
        AgentLog.debug("call started " + start + " epochsPlanned=" + start.epochsPlanned() + " data=" + start.dataFingerprint()
                + " config=" + start.configFingerprint());
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /**
     * A call in flight as the bridge holds it; touched only by the thread that made the call. A JVM shutting down while
     * it runs ends it as interrupted through the exporter ({@code endAll}); its own end then finds its run closed.
     */
    static final class Tracked {
        final CallHandle handle;
        final String library;
        /**
         * The call in flight on this thread when this one started (a user's block around a library call, this call's
         * parent), or null; it becomes the thread's current call again when this one ends, and gets its epochs back.
         */
        final Tracked outer;
        int epochs;

        Tracked(CallHandle handle, String library, Tracked outer) {
            this.handle = handle;
            this.library = library;
            this.outer = outer;
        }
    }
}
