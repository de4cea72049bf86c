package io.greentrain.agent.lifecycle;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns an intercepted call into the plain facts the exporter records: the model label, planned epochs and two
 * fingerprints (training data shape, model/trainer configuration) so that reruns of identical training can be spotted.
 *
 * <p>Rules, because this runs on the training thread at the start of every outermost call:
 * <ul>
 *   <li>never throws and never changes what the training does: only getters the libraries document as plain
 *       accessors are called ({@code size()}, {@code nrow()}, {@code shape()}, {@code batch()}, {@code toJson()}...), on
 *       library classes only (an application's own iterator or dataset subclass is described by its class name);</li>
 *   <li>no linking: the agent never compiles against the libraries (Smile is GPL-3.0); methods are looked up by name
 *       through the library's public type, so a non-public implementation class still works;</li>
 *   <li>never slow: the one expensive fingerprint (DL4J's configuration JSON) is computed once per model instance;</li>
 *   <li>no references kept: the cache holds model instances weakly.</li>
 * </ul>
 */
final class CallDescriber {

    /** Configuration fingerprints of DL4J models by identity, so a loop of {@code fit(DataSet)} calls pays once. */
    private final IdentityCache configCache = new IdentityCache(32);

    /** The model or trainer's simple class name (Smile's static calls: the declaring class); the exporter bounds the label set. */
    String model(String library, String type, Object receiver, Object[] args) {
        if ("custom".equals(library) && args != null && args.length > 0 && args[0] instanceof String) {
            return ((String) args[0]).trim(); // GreenTrain.measure(label, work): the label names the work
        }
        if ("subset".equals(library) && receiver != null) {
            String method = selectionMethod(receiver);
            if (!method.isEmpty()) {
                return method; // "lightweight", "kcenter", ...: says more than "CoresetSelector"
            }
        }
        if (receiver != null) {
            String simple = receiver.getClass().getSimpleName();
            if (!simple.isEmpty()) {
                return simple;
            }
        }
        return simpleName(type);
    }

    /**
     * Epochs the call will run, from its arguments: DL4J {@code fit/pretrain(iterator, numEpochs)} and
     * {@code pretrainLayer(layer, iterator, numEpochs)}; a single-pass iterator fit (one epoch); otherwise -1 (unknown:
     * single-minibatch fits, early stopping, Smile and Tribuo, whose epochs are hyperparameters inside the model options).
     */
    int epochsPlanned(String library, String method, Object[] args) {
        if (!"dl4j".equals(library) || args == null) {
            return -1;
        }
        boolean iteratorFit = "fit".equals(method) || "pretrain".equals(method);
        if (iteratorFit && args.length == 2 && isIterator(args[0]) && args[1] instanceof Integer) {
            return (Integer) args[1];
        }
        if (iteratorFit && args.length == 1 && isIterator(args[0])) {
            return 1;
        }
        if ("pretrainLayer".equals(method) && args.length == 3 && isIterator(args[1]) && args[2] instanceof Integer) {
            return (Integer) args[2];
        }
        if ("pretrainLayer".equals(method) && args.length == 2 && isIterator(args[1])) {
            return 1;
        }
        return -1;
    }

    /**
     * Shape of the training data among the arguments, e.g. {@code double[5000][10],int[5000]},
     * {@code Dataset[rows=5000,features=10,outputs=3]}, {@code ListDataSetIterator[batch=100,in=20,out=3]}; "" when
     * nothing is known.
     */
    String dataFingerprint(Object[] args) {
        if (args == null) {
            return "";
        }
        StringBuilder shape = new StringBuilder();
        for (Object arg : args) {
            String part;
            try {
                part = shapeOf(arg);
            } catch (Throwable t) {
                part = "";
            }
            if (!part.isEmpty()) {
                if (shape.length() > 0) {
                    shape.append(',');
                }
                shape.append(part);
            }
        }
        return shape.toString();
    }

    /**
     * A short hash of the model's configuration where the library exposes it: DL4J's configuration JSON (without its
     * running epoch/iteration counters), a Tribuo trainer's {@code toString()} (which lists its hyperparameters), and for
     * Smile's static fits the hyperparameter arguments (formula, Options/Properties, kernels, numbers). "" otherwise.
     */
    String configFingerprint(String library, Object receiver, Object[] args) {
        try {
            String description;
            switch (library) {
                case "dl4j":
                    return dl4jConfig(receiver);
                case "smile":
                    description = hyperparameters(args);
                    break;
                default:
                    description = receiver == null ? "" : stableToString(receiver);
                    break;
            }
            return description.isEmpty() ? "" : hash(description);
        } catch (Throwable t) {
            return "";
        }
    }

    // --- data shapes --------------------------------------------------------------------------------------------

    private static String shapeOf(Object arg) throws Exception {
        if (arg == null) {
            return "";
        }
        if (arg.getClass().isArray()) {
            return arrayShape(arg);
        }
        String name = arg.getClass().getName();
        if (!isLibraryClass(name)) {
            return "";
        }
        if (implementsType(arg, "org.tribuo.Dataset") || implementsType(arg, "org.tribuo.sequence.SequenceDataset")) {
            Object features = call(arg, "getFeatureMap");
            Object outputs = call(arg, "getOutputInfo");
            return simple(arg) + "[rows=" + call(arg, "size") + ",features=" + call(features, "size")
                    + ",outputs=" + call(outputs, "size") + "]";
        }
        if (implementsType(arg, "smile.data.DataFrame")) {
            return "DataFrame[" + call(arg, "nrow") + "x" + call(arg, "ncol") + "]";
        }
        if (implementsType(arg, "smile.data.SparseDataset")) {
            return "SparseDataset[" + call(arg, "nrow") + "x" + call(arg, "ncol") + "]";
        }
        if (implementsType(arg, "org.nd4j.linalg.api.ndarray.INDArray")) {
            return "INDArray" + dims((long[]) call(arg, "shape"));
        }
        if (implementsType(arg, "org.nd4j.linalg.dataset.api.DataSet")) {
            Object features = call(arg, "getFeatures");
            Object labels = call(arg, "getLabels");
            return "DataSet[features=" + ndShape(features) + ",labels=" + ndShape(labels) + "]";
        }
        if (implementsType(arg, "org.nd4j.linalg.dataset.api.MultiDataSet")) {
            return "MultiDataSet[features=" + call(arg, "numFeatureArrays") + ",labels=" + call(arg, "numLabelsArrays") + "]";
        }
        if (implementsType(arg, "org.nd4j.linalg.dataset.api.iterator.DataSetIterator")) {
            StringBuilder text = new StringBuilder(simple(arg)).append("[batch=").append(call(arg, "batch"));
            if (IN_MEMORY_ITERATORS.contains(name)) {
                // these read a field or the first in-memory DataSet; others may load data to answer
                text.append(",in=").append(call(arg, "inputColumns")).append(",out=").append(call(arg, "totalOutcomes"));
            }
            return text.append(']').toString();
        }
        if (implementsType(arg, "org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator")) {
            return simple(arg);
        }
        return "";
    }

    private static final java.util.Set<String> IN_MEMORY_ITERATORS = java.util.Collections.singleton(
            "org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator");

    private static String arrayShape(Object array) {
        Class<?> component = array.getClass().getComponentType();
        int length = java.lang.reflect.Array.getLength(array);
        if (component.isPrimitive()) {
            return component.getName() + "[" + length + "]";
        }
        if (component.isArray() && component.getComponentType().isPrimitive()) {
            Object first = length > 0 ? java.lang.reflect.Array.get(array, 0) : null;
            int width = first == null ? 0 : java.lang.reflect.Array.getLength(first);
            return component.getComponentType().getName() + "[" + length + "][" + width + "]";
        }
        if (isLibraryClass(component.getName()) || component == Object.class) {
            // Smile's generic T[] (Tuple[], SparseArray[]), DL4J INDArray[]
            return component.getSimpleName() + "[" + length + "]";
        }
        return "";
    }

    private static String ndShape(Object ndArray) throws Exception {
        return ndArray == null ? "none" : dims((long[]) call(ndArray, "shape"));
    }

    private static String dims(long[] shape) {
        if (shape == null) {
            return "[]";
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                text.append('x');
            }
            text.append(shape[i]);
        }
        return text.append(']').toString();
    }

    // --- configuration ------------------------------------------------------------------------------------------

    private static final Pattern COUNTERS = Pattern.compile("\"(epochCount|iterationCount)\"\\s*:\\s*\\d+");

    private String dl4jConfig(Object receiver) throws Exception {
        if (receiver == null) {
            return "";
        }
        Object model = receiver;
        if (implementsType(receiver, "org.deeplearning4j.parallelism.ParallelWrapper")) {
            model = call(receiver, "getModel");
        }
        if (model == null) {
            return "";
        }
        String cached = configCache.get(model);
        if (cached != null) {
            return cached;
        }
        Object configuration;
        if (implementsType(model, "org.deeplearning4j.nn.multilayer.MultiLayerNetwork")) {
            configuration = call(model, "getLayerWiseConfigurations");
        } else if (implementsType(model, "org.deeplearning4j.nn.graph.ComputationGraph")) {
            configuration = call(model, "getConfiguration");
        } else {
            return ""; // early stopping trainers expose their model only through their result
        }
        String json = configuration == null ? "" : (String) call(configuration, "toJson");
        String fingerprint = json.isEmpty() ? "" : hash(COUNTERS.matcher(json).replaceAll(""));
        configCache.put(model, fingerprint);
        return fingerprint;
    }

    /** Smile's hyperparameters are arguments of the static fit: everything that is not data. */
    private static String hyperparameters(Object[] args) {
        if (args == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object arg : args) {
            if (arg == null || arg.getClass().isArray() || isData(arg)) {
                continue;
            }
            String value = arg instanceof Properties ? sorted((Properties) arg) : stableToString(arg);
            text.append(value).append(';');
        }
        return text.toString();
    }

    private static boolean isData(Object arg) {
        return implementsType(arg, "smile.data.DataFrame") || implementsType(arg, "smile.data.Dataset")
                || implementsType(arg, "smile.data.SparseDataset");
    }

    private static String sorted(Properties properties) {
        Map<String, String> entries = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            entries.put(key, properties.getProperty(key));
        }
        return entries.toString();
    }

    /** toString when it describes the value; the class name when it is Object's identity form (differs per run). */
    private static String stableToString(Object value) {
        Class<?> type = value.getClass();
        if (value instanceof Number || value instanceof CharSequence || value instanceof Boolean || value instanceof Enum) {
            return value.toString();
        }
        if (!isLibraryClass(type.getName()) || type.isSynthetic() || type.getName().contains("$$Lambda")) {
            return type.getName();
        }
        String text = String.valueOf(value);
        if (text.length() > 64 * 1024 || IDENTITY.matcher(text).find()) {
            return type.getName();
        }
        return text;
    }

    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{4,}\\b");

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (Exception e) {
            return "";
        }
    }

    // --- reflection on public library types, by name -----------------------------------------------------------

    private static boolean isLibraryClass(String name) {
        return name.startsWith("org.deeplearning4j.") || name.startsWith("org.nd4j.") || name.startsWith("smile.")
                || name.startsWith("org.tribuo.") || name.startsWith("io.greentrain.subset.");
    }

    private static boolean isIterator(Object arg) {
        return arg != null && (implementsType(arg, "org.nd4j.linalg.dataset.api.iterator.DataSetIterator")
                || implementsType(arg, "org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator"));
    }

    /** Whether {@code value}'s class is, extends or implements the named type; never loads a class. */
    static boolean implementsType(Object value, String typeName) {
        return findType(value.getClass(), typeName) != null;
    }

    private static Class<?> findType(Class<?> start, String typeName) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.getName().equals(typeName)) {
                return type;
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(Arrays.asList(type.getInterfaces()));
        }
        return null;
    }

    /**
     * Calls a public no-argument method through the first public class or interface in {@code target}'s hierarchy that
     * declares it, so that non-public implementation classes (Smile's DataFrame implementations) work too.
     */
    static Object call(Object target, String method) throws Exception {
        if (target == null) {
            return null;
        }
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(target.getClass());
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (Modifier.isPublic(type.getModifiers())) {
                try {
                    Method found = type.getMethod(method);
                    if (Modifier.isPublic(found.getDeclaringClass().getModifiers())) {
                        return found.invoke(target);
                    }
                } catch (NoSuchMethodException ignored) {
                    // not on this type; try its supertypes
                }
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(Arrays.asList(type.getInterfaces()));
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method + "()");
    }

    private static String simple(Object value) {
        String simple = value.getClass().getSimpleName();
        return simple.isEmpty() ? simpleName(value.getClass().getName()) : simple;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A tiny identity-keyed cache that holds its keys weakly and forgets everything when full. */
    static final class IdentityCache {
        private final int capacity;
        private final Map<Integer, Object[]> entries = new java.util.HashMap<>();

        IdentityCache(int capacity) {
            this.capacity = capacity;
        }

        synchronized String get(Object key) {
            Object[] entry = entries.get(System.identityHashCode(key));
            if (entry != null && ((WeakReference<?>) entry[0]).get() == key) {
                return (String) entry[1];
            }
            return null;
        }

        synchronized void put(Object key, String value) {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(System.identityHashCode(key), new Object[] {new WeakReference<>(key), value});
        }
    }

    /**
     * The selection method of a subset-core selector, read through its public {@code method()} accessor
     * (the agent never links subset-core); "" when that is not available.
     */
    private static String selectionMethod(Object selector) {
        try {
            Object method = selector.getClass().getMethod("method").invoke(selector);
            return method == null ? "" : method.toString().toLowerCase(java.util.Locale.ROOT);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }
}
