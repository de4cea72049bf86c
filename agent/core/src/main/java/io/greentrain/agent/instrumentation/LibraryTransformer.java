package io.greentrain.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.greentrain.exporter.status.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * One library's Byte Buddy advice as a plain {@link ClassFileTransformer}: describe the class from its bytes, and if it
 * declares a training entry point, decorate it with the advice (inlined, so no class-format change and retransformation
 * stays possible).
 *
 * <p>Why not Byte Buddy's {@code AgentBuilder}: the dormant watcher already does what the agent builder adds (name
 * filtering, the re-entrancy guard, retransformation on attach), and the agent builder's own set-up defines a class at
 * run time and loads some 400 more classes, paid on the thread that loads the library (startup issue: about a third of
 * the Byte Buddy classes a training JVM loaded). What stays is what the agent builder did per class with our settings:
 * a fast type pool over the class's bytes and its loader (matching reads class files, it never loads a library class),
 * the method graph of declared methods only (super types are not parsed to decorate a class), and type validation off.
 *
 * <p>Unlike the agent builder, a class whose declared methods match no advice is left byte for byte as it was instead of
 * being rewritten unchanged.
 */
final class LibraryTransformer implements ClassFileTransformer {

    /**
     * Byte Buddy hides synthetic methods from advice by default; lambda bodies are the worker tasks of some fan-outs
     * (Smile's OneVersusRest), so they stay visible. Bridges and the rest stay hidden.
     */
    private static final ElementMatcher.Junction<MethodDescription> HIDDEN =
            isSynthetic().<MethodDescription>and(not(nameStartsWith("lambda$"))).or(isDefaultFinalizer());

    private final LibraryInstrumentation library;
    private final ByteBuddy byteBuddy;
    private final AsmVisitorWrapper advice;
    private final ElementMatcher<MethodDescription> adviced;

    private LibraryTransformer(LibraryInstrumentation library, AsmVisitorWrapper advice, ElementMatcher<MethodDescription> adviced) {
        this.library = library;
        this.advice = advice;
        this.adviced = adviced;
        this.byteBuddy = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .ignore(HIDDEN);
    }

    /** Resolves the library's advice classes once, through the agent core's loader (they are never seen by the job). */
    static LibraryTransformer of(LibraryInstrumentation library) {
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(LibraryTransformer.class.getClassLoader());
        TypePool agentTypes = TypePool.Default.of(agentClasses);
        // the library's name as a constant of the shared advice (TrainingCallAdvice): one advice class, the library as data
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(TrainingLibrary.class, library.library());
        Map<String, ElementMatcher<? super MethodDescription>> adviceByClass = new LinkedHashMap<>();
        adviceByClass.put(library.adviceClassName(), library.methods());
        adviceByClass.putAll(library.additionalAdvice());
        AsmVisitorWrapper.ForDeclaredMethods advice = new AsmVisitorWrapper.ForDeclaredMethods();
        ElementMatcher.Junction<MethodDescription> adviced = none();
        for (Map.Entry<String, ElementMatcher<? super MethodDescription>> entry : adviceByClass.entrySet()) {
            advice = advice.invokable(entry.getValue(), adviceFor(mapping, agentTypes, agentClasses, entry.getKey()));
            adviced = adviced.or(entry.getValue());
        }
        return new LibraryTransformer(library, advice, not(HIDDEN).and(adviced));
    }

    private static Advice adviceFor(Advice.WithCustomMapping mapping, TypePool agentTypes, ClassFileLocator agentClasses,
                                    String adviceClass) {
        return mapping.to(agentTypes.describe(adviceClass).resolve(), agentClasses).withExceptionHandler(AdviceFailures.HANDLER);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined, ProtectionDomain protectionDomain,
                            byte[] classfileBuffer) {
        if (className == null) {
            return null; // hidden and anonymous classes: never a library's entry point
        }
        String name = className.replace('/', '.');
        try {
            ClassFileLocator classes = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classfileBuffer),
                    loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
            TypePool types = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), classes,
                    TypePool.Default.ReaderMode.FAST);
            TypeDescription type = types.describe(name).resolve();
            if (!matches(type)) {
                return null;
            }
            byte[] decorated = byteBuddy.decorate(type, classes).visit(advice).make().getBytes();
            if (AgentLog.isDebug()) {
                AgentLog.debug("instrumented " + name + (classBeingRedefined != null ? " (retransformed)" : ""));
            }
            return decorated;
        } catch (Throwable t) {
            AgentLog.problem("instrumentation", "transform_failed", "cannot instrument " + name
                    + "; its training calls are not measured: " + t);
            return null;
        }
    }

    /** The package test first: it reads the name only, where every other test parses the class file. */
    private boolean matches(TypeDescription type) {
        return library.packages().matches(type) && !type.isSynthetic() && library.types().matches(type)
                && !type.getDeclaredMethods().filter(adviced).isEmpty();
    }
}
