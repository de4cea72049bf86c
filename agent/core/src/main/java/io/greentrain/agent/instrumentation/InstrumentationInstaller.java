package io.greentrain.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

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
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Builds the Byte Buddy transformers of the libraries: one per library, made when that library's first class loads
 * ({@link #transformerFor}), or all enabled ones at once ({@link #install}, for in-process use).
 *
 * <ul>
 *   <li>{@code disableClassFormatChanges()}: classes loaded before the agent (dynamic {@code attach}) can be
 *       retransformed, which the JVM allows only without new members, hence inlined {@code Advice} and no delegation;</li>
 *   <li>{@code POOL_ONLY} type descriptions: matching reads class files, it never loads a library class;</li>
 *   <li>{@code ignore(...)} replaces Byte Buddy's default ignore matcher, so we ignore everything outside
 *       the library's packages ourselves (cheap name checks first);</li>
 *   <li>transformation errors are logged once (Byte Buddy swallows them by default).</li>
 * </ul>
 */
public final class InstrumentationInstaller {

    private InstrumentationInstaller() {
    }

    /**
     * The transformer for one library's classes, not registered with the JVM: the dormant agent's watcher calls it for
     * the classes it has already recognised as that library's (including the class whose definition activated it).
     */
    public static ClassFileTransformer transformerFor(LibraryInstrumentation library) {
        ClassFileTransformer transformer = builderFor(List.of(library)).makeRaw();
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
        builderFor(libraries).installOn(instrumentation);
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

    private static AgentBuilder builderFor(List<LibraryInstrumentation> libraries) {
        ClassLoader agentLoader = InstrumentationInstaller.class.getClassLoader();
        ElementMatcher.Junction<TypeDescription> anyLibrary = none();
        for (LibraryInstrumentation library : libraries) {
            anyLibrary = anyLibrary.or(library.packages());
        }
        AgentBuilder builder = newAgentBuilder()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new TransformationErrorListener())
                .ignore(not(anyLibrary).or(isSynthetic()));
        for (LibraryInstrumentation library : libraries) {
            // the library's name as a constant of the shared advice (TrainingCallAdvice): one advice class, the library as data
            AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice(
                    Advice.withCustomMapping().bind(TrainingLibrary.class, library.library()))
                    .include(agentLoader)
                    .withExceptionHandler(AdviceFailures.HANDLER)
                    .advice(library.methods(), library.adviceClassName());
            for (Map.Entry<String, ElementMatcher<? super MethodDescription>> extra : library.additionalAdvice().entrySet()) {
                advice = advice.advice(extra.getValue(), extra.getKey());
            }
            builder = builder.type(library.packages().and(library.types())).transform(advice);
        }
        return builder;
    }

    /**
     * Byte Buddy's default initialization strategy loads its Nexus class, whose static initializer probes
     * {@code sun.misc.Unsafe}; on Java 24+ the JVM then prints a deprecation warning on the job's stderr.
     * We never use the Nexus (advice only, no class-format changes), so we switch it off through Byte Buddy's
     * documented property for exactly the moment that class initializes, and restore what the application had.
     */
    private static AgentBuilder newAgentBuilder() {
        String key = "net.bytebuddy.nexus.disabled";
        String previous = System.getProperty(key);
        System.setProperty(key, "true");
        try {
            // Byte Buddy hides synthetic methods from method matchers by default; lambda bodies are the worker tasks
            // of some fan-outs (Smile's OneVersusRest), so they stay visible. Bridges and the rest stay hidden.
            return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED)
                    .ignore(isSynthetic().and(not(nameStartsWith("lambda$"))).or(isDefaultFinalizer())));
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
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
