package io.greentrain.exporter.status;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The agent's only voice: lines on stderr that start with {@code greentrain:}, and a count of every
 * degradation so that it also shows up as {@code greentrain_agent_errors_total{component,reason}}.
 *
 * <p>Never throws. {@link #problem} prints a given (component, reason) once per JVM however often it
 * happens, so a failing sensor cannot flood the job's log. Component and reason are fixed strings
 * chosen by the caller (bounded label values), never exception messages.
 */
public final class AgentLog {

    public enum Level { ERROR, WARN, INFO, DEBUG }

    private static volatile Level level = Level.INFO;
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicLong> PROBLEM_COUNTS = new ConcurrentHashMap<>();

    private AgentLog() {
    }

    public static void setLevel(String name) {
        try {
            level = Level.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            level = Level.INFO;
        }
    }

    public static boolean isDebug() {
        return level == Level.DEBUG;
    }

    public static void error(String message) {
        print(Level.ERROR, message);
    }

    public static void warn(String message) {
        print(Level.WARN, message);
    }

    public static void info(String message) {
        print(Level.INFO, message);
    }

    public static void debug(String message) {
        print(Level.DEBUG, message);
    }

    /** Prints the message at most once per JVM for this key. */
    public static void warnOnce(String key, String message) {
        if (PRINTED.add(key)) {
            warn(message);
        }
    }

    /**
     * A degradation: counted under (component, reason) and printed once per pair.
     *
     * @param component bounded label value, e.g. {@code rapl}, {@code nvml}, {@code endpoint}, {@code records}
     * @param reason    bounded label value, e.g. {@code permission_denied}, {@code port_in_use}
     */
    public static void problem(String component, String reason, String message) {
        problems(component, reason, message, 1);
    }

    /** {@link #problem} that happened {@code times} times (counted before anyone could be told): one line, one count each. */
    public static void problems(String component, String reason, String message, long times) {
        if (times <= 0) {
            return;
        }
        String key = component + "\u0000" + reason;
        AtomicLong count = PROBLEM_COUNTS.get(key);
        if (count == null) {
            AtomicLong fresh = new AtomicLong();
            count = PROBLEM_COUNTS.putIfAbsent(key, fresh);
            if (count == null) {
                count = fresh;
                announce(key, fresh);
            }
        }
        count.addAndGet(times);
        warnOnce("problem:" + component + ":" + reason, message);
    }

    /**
     * Receives every (component, reason) pair the first time it occurs, so the metrics binder can register
     * its counter even when the problem happens after the registry was built. Set once by the exporter.
     */
    public static void onNewProblem(BiConsumer<String, AtomicLong> listener) {
        problemListener = listener;
        for (Map.Entry<String, AtomicLong> entry : PROBLEM_COUNTS.entrySet()) {
            announce(entry.getKey(), entry.getValue());
        }
    }

    private static volatile BiConsumer<String, AtomicLong> problemListener;

    private static void announce(String key, AtomicLong count) {
        BiConsumer<String, AtomicLong> listener = problemListener;
        if (listener != null) {
            try {
                listener.accept(key, count);
            } catch (RuntimeException ignored) {
                // a metrics hiccup must not turn a reported problem into a new one
            }
        }
    }

    /** (component, reason) -> count, for the metrics binder. Keys are {@code component + '\0' + reason}. */
    public static Map<String, AtomicLong> problemCounts() {
        return PROBLEM_COUNTS;
    }

    /** Whether a progress line is open on the terminal (written without its line break, to be overwritten). */
    private static boolean progressOpen;

    /**
     * A progress line (info level): on a terminal it replaces the previous progress line in place; otherwise (a pipe, a
     * file, CI logs) it is an ordinary line, with no control characters.
     */
    public static void progress(String message, boolean terminal) {
        if (!terminal) {
            info(message);
            return;
        }
        if (Level.INFO.ordinal() > level.ordinal()) {
            return;
        }
        synchronized (AgentLog.class) {
            try {
                // carriage return, the line, then erase whatever a longer previous line left to the right
                System.err.print("\rgreentrain: " + message + "\u001b[K");
                System.err.flush();
                progressOpen = true;
            } catch (Throwable ignored) {
                // stderr closed or broken: the job matters more than our line
            }
        }
    }

    private static void print(Level messageLevel, String message) {
        if (messageLevel.ordinal() > level.ordinal()) {
            return;
        }
        synchronized (AgentLog.class) {
            try {
                String line = "greentrain: " + (messageLevel == Level.INFO ? "" : messageLevel.name().toLowerCase(Locale.ROOT) + ": ")
                        + message;
                System.err.println(progressOpen ? "\r" + line + "\u001b[K" : line);
                progressOpen = false;
            } catch (Throwable ignored) {
                // stderr closed or replaced by something broken: the job matters more than our line
            }
        }
    }
}
