package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.TrainingCallListener;
import io.greentrain.exporter.attribution.TrainingCalls;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which run and group a training call belongs to, from the scopes open on its thread and its receiver:
 *
 * <ul>
 *   <li>inside an explicit run ({@code GreenTrain.startRun}): that run, whatever the model;</li>
 *   <li>otherwise a model or trainer object is its run: the same object (identity) continues it until {@code runs.gap};</li>
 *   <li>a static fit (Smile) inside a group is a run per entry point and configuration, so the folds of one configuration
 *       are one run; outside any scope it is a run of its own;</li>
 *   <li>the group is the innermost explicit group, or the library's cross-validation helper the call is made in.</li>
 * </ul>
 *
 * <p>Library groups: consecutive cross-validations on one thread (a search trying one configuration per
 * cross-validation) are one group; it ends when another group begins on the thread, when it is idle for {@code runs.gap}
 * or when the JVM ends. Each helper's end ends its runs, so the next configuration's trainer starts a run of its own.
 * Nested helpers (Smile's overloads call each other) and helpers inside an explicit group add nothing.
 */
final class RunScopes {

    /** One open scope; its key is unique in the JVM. */
    static final class Scope {
        final String kind;
        final String name;
        final String key;
        final Scope outer;
        final ThreadCalls thread;
        /** A library helper inside another group: it neither opens nor ends anything. */
        final boolean passive;
        volatile boolean closed;

        Scope(String kind, String name, String key, Scope outer, ThreadCalls thread, boolean passive) {
            this.kind = kind;
            this.name = name;
            this.key = key;
            this.outer = outer;
            this.thread = thread;
            this.passive = passive;
        }

        boolean isRun() {
            return TrainingCallListener.RUN_SCOPE.equals(kind);
        }

        boolean isGroup() {
            return !isRun() && !passive;
        }
    }

    /** A call's place: its run key and name, its group key and name. */
    static final class Place {
        final String runKey;
        final String runName;
        final String groupKey;
        final String groupName;

        Place(String runKey, String runName, String groupKey, String groupName) {
            this.runKey = runKey;
            this.runName = runName;
            this.groupKey = groupKey;
            this.groupName = groupName;
        }
    }

    private final TrainingCalls calls;
    private final AtomicLong ids = new AtomicLong();

    RunScopes(TrainingCalls calls) {
        this.calls = calls;
    }

    /** A scope begins on {@code thread}; returns its token (never null). */
    Scope entered(ThreadCalls thread, String kind, String name) {
        Scope outer = openScope(thread.innermost);
        Scope scope;
        if (TrainingCallListener.LIBRARY_GROUP_SCOPE.equals(kind)) {
            if (enclosingGroup(outer) != null) {
                scope = new Scope(kind, name, "", outer, thread, true);
            } else {
                String groupName = libraryOf(name) + " " + simpleName(name);
                String key = "cv:" + Thread.currentThread().getId() + ":" + groupName;
                endLingeringGroupUnless(thread, key);
                thread.lingeringGroupKey = key;
                scope = new Scope(kind, groupName, key, outer, thread, false);
            }
        } else {
            if (TrainingCallListener.GROUP_SCOPE.equals(kind)) {
                endLingeringGroupUnless(thread, null);
            }
            String prefix = TrainingCallListener.RUN_SCOPE.equals(kind) ? "run:" : "group:";
            scope = new Scope(kind, name, prefix + ids.incrementAndGet(), outer, thread, false);
        }
        thread.innermost = scope;
        return scope;
    }

    /** The scope ends (normally on its own thread; an explicit scope may be closed elsewhere). */
    void exited(ThreadCalls current, Scope scope) {
        if (scope.closed) {
            return;
        }
        scope.closed = true;
        if (current == scope.thread) {
            current.innermost = openScope(current.innermost);
        }
        if (scope.passive) {
            return;
        }
        // explicit runs and library helpers end their runs; an explicit group also ends itself
        calls.scopeEnded(scope.key, TrainingCallListener.GROUP_SCOPE.equals(scope.kind));
    }

    /** Where a call with this receiver, entry point and configuration belongs on {@code thread}. */
    Place placeOf(ThreadCalls thread, Object receiver, String entryPoint, String configFingerprint) {
        Scope open = openScope(thread.innermost);
        thread.innermost = open;
        Scope run = null;
        for (Scope s = open; s != null && run == null; s = s.outer) {
            if (!s.closed && s.isRun()) {
                run = s;
            }
        }
        Scope group = enclosingGroup(open);
        String groupKey = group == null ? "" : group.key;
        String groupName = group == null ? "" : group.name;
        if (run != null) {
            return new Place(run.key, run.name, groupKey, groupName);
        }
        if (receiver != null) {
            // identity, not equality: two equal configurations are two runs. identityHashCode may collide, so the class
            // name narrows it; a collision within runs.gap would merge two runs of the same class, which we accept
            return new Place("obj:" + receiver.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(receiver)),
                    "", groupKey, groupName);
        }
        if (group != null) {
            return new Place(group.key + "|" + entryPoint + "|" + configFingerprint, "", groupKey, groupName);
        }
        return new Place("", "", "", "");
    }

    /** The innermost open group scope at or around {@code scope}, or null. */
    private static Scope enclosingGroup(Scope scope) {
        for (Scope s = scope; s != null; s = s.outer) {
            if (!s.closed && s.isGroup()) {
                return s;
            }
        }
        return null;
    }

    /** Drops closed scopes from the top of a thread's chain (a scope closed on another thread, an exception past an exit). */
    private static Scope openScope(Scope scope) {
        Scope s = scope;
        while (s != null && s.closed) {
            s = s.outer;
        }
        return s;
    }

    private void endLingeringGroupUnless(ThreadCalls thread, String key) {
        String lingering = thread.lingeringGroupKey;
        if (lingering != null && !lingering.equals(key)) {
            thread.lingeringGroupKey = null;
            calls.scopeEnded(lingering, true);
        }
    }

    private static String libraryOf(String type) {
        if (type.startsWith("org.tribuo.")) {
            return "tribuo";
        }
        if (type.startsWith("smile.")) {
            return "smile";
        }
        if (type.startsWith("org.deeplearning4j.")) {
            return "dl4j";
        }
        return "custom";
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
