package io.greentrain.agent.bootstrap;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dormant agent: the one transformer {@code premain} registers. Until a class of a training library is defined it
 * looks at class names and nothing else (no thread, port, file, Byte Buddy or agent core). The first class of a library
 * starts the core (once per JVM), which installs that library's instrumentation only; the class being defined, and every
 * later class of that library, then go through the transformer the core returned for it.
 *
 * <p>Why delegate instead of registering Byte Buddy's transformer with the JVM: a transformer registered while a class
 * is being defined does not see that class, and the trigger class may itself be a training entry point
 * ({@code MultiLayerNetwork}). Delegating from here instruments it in the same pass, so the very first call is measured.
 *
 * <p>Class-loader hazards: activation runs on the defining thread, inside the JVM's transform callback, and loads the
 * core's classes; those definitions re-enter this transformer on the same thread (ignored: they are never library
 * classes, and a thread-local guard makes sure). Activation holds only this watcher's lock and the isolating loader's
 * own per-class locks, never a lock of the application's loaders.
 */
final class LibraryWatcher implements ClassFileTransformer {

    /**
     * Per library: null until activated; {@link #OFF} when activation returned nothing (switched off or failed). A
     * volatile array replaced on write rather than an AtomicReferenceArray: premain should load no more JDK classes
     * than it needs (every JVM of a fleet pays for them).
     */
    private volatile ClassFileTransformer[] transformers = new ClassFileTransformer[LibraryTriggers.count()];
    private final ThreadLocal<Boolean> activating = new ThreadLocal<>();
    private final Supplier<LibraryActivator> core;

    private static final ClassFileTransformer OFF = new ClassFileTransformer() { };

    /** @param core starts the agent core on first use and returns its activator, or null when it cannot start */
    LibraryWatcher(Supplier<LibraryActivator> core) {
        this.core = core;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        int library = LibraryTriggers.indexOf(className);
        if (library < 0) {
            return null;
        }
        ClassFileTransformer transformer = transformerFor(library);
        if (transformer == OFF) {
            return null;
        }
        try {
            return transformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            return null; // the class stays as the library shipped it
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined, ProtectionDomain protectionDomain,
                            byte[] classfileBuffer) {
        return transform(null, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    /** Attach to a running JVM: activates every library that already has classes loaded, then retransforms them. */
    void activateLoaded(Instrumentation instrumentation) {
        List<List<Class<?>>> byLibrary = new ArrayList<>();
        for (int i = 0; i < LibraryTriggers.count(); i++) {
            byLibrary.add(new ArrayList<>());
        }
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            int library = LibraryTriggers.indexOfBinaryName(type.getName());
            if (library >= 0 && instrumentation.isModifiableClass(type)) {
                byLibrary.get(library).add(type);
            }
        }
        for (int library = 0; library < byLibrary.size(); library++) {
            List<Class<?>> loaded = byLibrary.get(library);
            if (loaded.isEmpty() || transformerFor(library) == OFF) {
                continue;
            }
            for (Class<?> type : loaded) {
                try {
                    instrumentation.retransformClasses(type); // one by one: one class the JVM refuses must not stop the rest
                } catch (Throwable refused) {
                    // left as loaded; the transformer already reported why, where it knows
                }
            }
        }
    }

    private ClassFileTransformer transformerFor(int library) {
        ClassFileTransformer transformer = transformers[library];
        if (transformer != null) {
            return transformer;
        }
        if (activating.get() != null) {
            return OFF; // a class defined while this thread activates a library: never one we instrument
        }
        synchronized (this) {
            transformer = transformers[library];
            if (transformer != null) {
                return transformer;
            }
            activating.set(Boolean.TRUE);
            try {
                transformer = activate(library);
            } catch (Throwable t) {
                transformer = null;
            } finally {
                activating.remove();
            }
            transformer = transformer == null ? OFF : transformer;
            ClassFileTransformer[] updated = transformers.clone(); // copy on write: readers see a complete array
            updated[library] = transformer;
            transformers = updated;
            return transformer;
        }
    }

    /** Under the lock. */
    private ClassFileTransformer activate(int library) {
        LibraryActivator activator = core.get(); // starts the core on the first call only
        return activator == null ? null : activator.activate(LibraryTriggers.library(library));
    }
}
