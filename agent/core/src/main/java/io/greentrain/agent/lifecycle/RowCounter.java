package io.greentrain.agent.lifecycle;

import java.lang.reflect.Method;

/**
 * Rows of training data in a call's arguments, cheaply enough for every mini-batch: the first argument the libraries
 * describe (a DL4J {@code DataSet} or {@code INDArray}, a Tribuo {@code Dataset}, a Smile {@code DataFrame} or
 * {@code SparseDataset}, a Java array of samples) tells; iterators do not (reading them would consume data), so a
 * {@code fit(iterator)} reports -1 (unknown). The accessor is looked up once per argument class ({@link ClassValue}),
 * through a public type, as {@link CallDescriber} does.
 */
final class RowCounter {

    /** Public library types and their no-argument row accessor. */
    private static final String[][] ACCESSORS = {
        {"org.nd4j.linalg.dataset.api.DataSet", "numExamples"},
        {"org.nd4j.linalg.api.ndarray.INDArray", "rows"},
        {"org.tribuo.Dataset", "size"},
        {"org.tribuo.sequence.SequenceDataset", "size"},
        {"smile.data.DataFrame", "nrow"},
        {"smile.data.SparseDataset", "nrow"},
    };

    /** The accessor for a class, or {@link #NONE}; arrays are handled without one. */
    private static final ClassValue<Method> ACCESSOR = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (String[] accessor : ACCESSORS) {
                Class<?> api = publicType(type, accessor[0]);
                if (api != null) {
                    try {
                        return api.getMethod(accessor[1]);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return NONE;
                    }
                }
            }
            return NONE;
        }
    };

    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RowCounter() {
    }

    /** Rows in the call's data, or -1 when its arguments do not tell. Never throws. */
    static long rows(Object[] args) {
        if (args == null) {
            return -1;
        }
        for (Object arg : args) {
            long rows = rowsOf(arg);
            if (rows >= 0) {
                return rows;
            }
        }
        return -1;
    }

    private static long rowsOf(Object arg) {
        if (arg == null) {
            return -1;
        }
        Class<?> type = arg.getClass();
        if (type.isArray()) {
            // samples are rows: double[][] x, T[] data; a 1-D primitive array is labels or weights, not data
            return type.getComponentType().isPrimitive() ? -1 : java.lang.reflect.Array.getLength(arg);
        }
        Method accessor = ACCESSOR.get(type);
        if (accessor == NONE) {
            return -1;
        }
        try {
            Object value = accessor.invoke(arg);
            return value instanceof Number ? ((Number) value).longValue() : -1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** {@code typeName} when {@code type} is or extends it, found among its supertypes (no class is loaded by name). */
    private static Class<?> publicType(Class<?> type, String typeName) {
        if (type == null) {
            return null;
        }
        if (type.getName().equals(typeName)) {
            return type;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Class<?> found = publicType(parent, typeName);
            if (found != null) {
                return found;
            }
        }
        return publicType(type.getSuperclass(), typeName);
    }
}
