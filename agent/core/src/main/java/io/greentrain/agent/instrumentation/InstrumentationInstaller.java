package io.greentrain.agent.instrumentation;

import io.greentrain.agent.instrumentation.api.ApiInstrumentation;
import io.greentrain.agent.instrumentation.dl4j.Dl4jInstrumentation;
import io.greentrain.agent.instrumentation.smile.SmileInstrumentation;
import io.greentrain.agent.instrumentation.subset.SubsetInstrumentation;
import io.greentrain.agent.instrumentation.tribuo.TribuoInstrumentation;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Option;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Makes the libraries' transformers ({@link LibraryTransformer}, Byte Buddy advice): one per library, made when that
 * library's first class loads ({@link #transformerFor}), or all enabled ones at once ({@link #install}, for in-process
 * use). Transformation errors are logged once and counted (Byte Buddy would swallow them).
 */
public final class InstrumentationInstaller {

    private InstrumentationInstaller() {
    }

    /**
     * The transformer for one library's classes, not registered with the JVM: the dormant agent's watcher calls it for
     * the classes it has already recognised as that library's (including the class whose definition activated it).
     */
    public static ClassFileTransformer transformerFor(LibraryInstrumentation library) {
        ClassFileTransformer transformer = LibraryTransformer.of(library);
        AgentLog.debug("instrumentation ready for " + library.library());
        return transformer;
    }

    /** Installs every enabled library's instrumentation at once, registered with the JVM (loaded classes are retransformed). */
    public static void install(Instrumentation instrumentation, GreenTrainConfig config, boolean attachedLater) {
        List<LibraryInstrumentation> libraries = enabledLibraries(config);
        if (libraries.isEmpty()) {
            AgentLog.info("all library instrumentation disabled");
            return;
        }
        for (LibraryInstrumentation library : libraries) {
            instrumentation.addTransformer(transformerFor(library), true);
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(loaded) && ofAny(libraries, loaded)) {
                try {
                    instrumentation.retransformClasses(loaded); // one by one: one class the JVM refuses must not stop the rest
                } catch (Throwable refused) {
                    AgentLog.problem("instrumentation", "transform_failed", "cannot instrument loaded " + loaded.getName() + ": " + refused);
                }
            }
        }
        AgentLog.debug("instrumentation installed for " + names(libraries) + (attachedLater ? " (attached to a running JVM)" : ""));
    }

    /** The enabled instrumentation whose {@link LibraryInstrumentation#library()} is {@code library}, or null. */
    public static LibraryInstrumentation enabled(GreenTrainConfig config, String library) {
        for (LibraryInstrumentation candidate : enabledLibraries(config)) {
            if (candidate.library().equals(library)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean ofAny(List<LibraryInstrumentation> libraries, Class<?> loaded) {
        TypeDescription type = TypeDescription.ForLoadedType.of(loaded);
        for (LibraryInstrumentation library : libraries) {
            if (library.packages().matches(type)) {
                return true;
            }
        }
        return false;
    }

    private static List<LibraryInstrumentation> enabledLibraries(GreenTrainConfig config) {
        List<LibraryInstrumentation> result = new ArrayList<>();
        addIf(result, config, Options.DL4J_ENABLED, new Dl4jInstrumentation());
        addIf(result, config, Options.SMILE_ENABLED, new SmileInstrumentation());
        addIf(result, config, Options.TRIBUO_ENABLED, new TribuoInstrumentation());
        addIf(result, config, Options.SUBSET_ENABLED, new SubsetInstrumentation());
        addIf(result, config, Options.API_ENABLED, new ApiInstrumentation());
        return result;
    }

    private static void addIf(List<LibraryInstrumentation> result, GreenTrainConfig config, Option<Boolean> switchOption,
                              LibraryInstrumentation library) {
        if (config.get(switchOption)) {
            result.add(library);
        }
    }

    private static String names(List<LibraryInstrumentation> libraries) {
        List<String> names = new ArrayList<>();
        for (LibraryInstrumentation library : libraries) {
            names.add(library.library());
        }
        return String.join(", ", names);
    }
}
