package io.greentrain.agent.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an intercepted call into the plain facts the exporter records: the model label, planned epochs,
 * fingerprints, and whether the call is a fan-out of a call already being measured.
 *
 * <p>Fan-out rule (documented in the README): an outermost call on a pool thread (a ForkJoin worker, such
 * as Smile's OneVersusRest on the common pool, or a DL4J ParallelWrapper/prefetch worker) while a call of
 * the same library is active on another thread belongs to that call and is not recorded separately. The
 * energy is not lost: attribution is per process, so the outer call is charged the workers' energy too.
 * Calls on ordinary application threads are always separate calls.
 */
final class CallDescriber {

    private final Map<String, AtomicInteger> activeByLibrary = new ConcurrentHashMap<>();

    boolean isFanOut(String library, Object receiver) {
        AtomicInteger active = activeByLibrary.get(library);
        return active != null && active.get() > 0 && isWorkerThread(Thread.currentThread());
    }

    void callStarted(String library) {
        activeByLibrary.computeIfAbsent(library, l -> new AtomicInteger()).incrementAndGet();
    }

    void callEnded(String library) {
        AtomicInteger active = activeByLibrary.get(library);
        if (active != null) {
            active.decrementAndGet();
        }
    }

    /** The model or trainer's simple class name; the exporter bounds the label set. */
    String model(String type, Object receiver) {
        if (receiver != null) {
            String simple = receiver.getClass().getSimpleName();
            if (!simple.isEmpty()) {
                return simple;
            }
        }
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** DL4J {@code fit(iterator, numEpochs)}: the second argument; otherwise unknown (-1). */
    int epochsPlanned(String library, String method, Object[] args) {
        if ("dl4j".equals(library) && "fit".equals(method) && args != null && args.length == 2 && args[1] instanceof Integer) {
            return (Integer) args[1];
        }
        return -1;
    }

    /** Shape of array arguments, e.g. {@code double[1000][20],int[1000]}; "" when nothing is known. */
    String dataFingerprint(Object[] args) {
        if (args == null) {
            return "";
        }
        StringBuilder shape = new StringBuilder();
        for (Object arg : args) {
            String part = shapeOf(arg);
            if (!part.isEmpty()) {
                if (shape.length() > 0) {
                    shape.append(',');
                }
                shape.append(part);
            }
        }
        return shape.toString();
    }

    /** Configuration hash where cheap and safe to get; "" otherwise. */
    String configFingerprint(Object receiver) {
        return "";
    }

    private static String shapeOf(Object arg) {
        if (arg instanceof double[][]) {
            double[][] rows = (double[][]) arg;
            return "double[" + rows.length + "][" + (rows.length > 0 && rows[0] != null ? rows[0].length : 0) + "]";
        }
        if (arg instanceof float[][]) {
            float[][] rows = (float[][]) arg;
            return "float[" + rows.length + "][" + (rows.length > 0 && rows[0] != null ? rows[0].length : 0) + "]";
        }
        if (arg instanceof int[]) {
            return "int[" + ((int[]) arg).length + "]";
        }
        if (arg instanceof double[]) {
            return "double[" + ((double[]) arg).length + "]";
        }
        return "";
    }

    private static boolean isWorkerThread(Thread thread) {
        if (thread instanceof ForkJoinWorkerThread) {
            return true;
        }
        String name = thread.getName();
        return name.startsWith("ParallelWrapper") || name.contains("trainer") && name.contains("ParallelWrapper")
                || name.startsWith("ADSI prefetch") || name.startsWith("AMDSI prefetch");
    }
}
