package io.greentrain.examples.tradeoff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;

/**
 * Calls the optional GreenTrain measurement API ({@code io.greentrain.api.GreenTrain.measure(String, Callable)})
 * when it is on the class path, so that a block of code the agent does not know becomes a call of its own; without
 * it the block simply runs. Looked up reflectively so the examples build whether or not that API has landed.
 */
final class GreenTrainApi {

    private static final Method MEASURE = find();

    private GreenTrainApi() {
    }

    private static Method find() {
        try {
            Class<?> api = Class.forName("io.greentrain.api.GreenTrain");
            return api.getMethod("measure", String.class, Callable.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    static boolean available() {
        return MEASURE != null;
    }

    @SuppressWarnings("unchecked")
    static <T> T measure(String label, Callable<T> work) throws Exception {
        if (MEASURE == null) {
            return work.call();
        }
        try {
            return (T) MEASURE.invoke(null, label, work);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }
}
