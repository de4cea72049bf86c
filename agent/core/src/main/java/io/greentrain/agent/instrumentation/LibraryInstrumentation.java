package io.greentrain.agent.instrumentation;

import java.util.Collections;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the training calls of one library are: which types, which methods, and the advice class that
 * reports them. Matchers use names only (never class literals of ML types), so no library class is
 * loaded early and the agent never links against a library (Smile is GPL-3.0).
 */
public interface LibraryInstrumentation {

    /** {@code dl4j}, {@code smile}, {@code tribuo}, {@code subset}. */
    String library();

    /** Cheap name prefix(es) of the library's packages; everything else is ignored before any matching. */
    ElementMatcher.Junction<TypeDescription> packages();

    /** Types whose methods are instrumented (evaluated on type descriptions from a type pool). */
    ElementMatcher<? super TypeDescription> types();

    /** Training entry points among the methods declared by a matched type. */
    ElementMatcher<? super MethodDescription> methods();

    /**
     * Fully qualified name of the advice class for {@link #methods()} (in the agent core, located through the isolating
     * loader): by default the one advice of every library's entry points, which gets {@link #library()} bound as
     * {@link TrainingLibrary}.
     */
    default String adviceClassName() {
        return TrainingCallAdvice.class.getName();
    }

    /**
     * Further advice within the same types, besides {@link #adviceClassName()}: advice class name to the methods
     * it is applied to, e.g. epoch boundaries or the library's own worker tasks (fan-out). The method matchers must
     * not overlap with each other or with {@link #methods()}.
     */
    default Map<String, ElementMatcher<? super MethodDescription>> additionalAdvice() {
        return Collections.emptyMap();
    }
}
