package io.greentrain.agent.instrumentation.subset;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * GreenTrain's own subset-core: coreset selection is charged as its own kind of call (library
 * {@code subset}), so a study can weigh the energy of choosing the data against the energy it saves.
 * Entry points as listed in subset-core's README: the public {@code select*} methods of
 * {@code CoresetSelector} and {@code StreamingSelector}; the model label is the selector's class name.
 */
public final class SubsetInstrumentation implements LibraryInstrumentation {

    @Override
    public String library() {
        return "subset";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("io.greentrain.subset.");
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return namedOneOf("io.greentrain.subset.CoresetSelector", "io.greentrain.subset.StreamingSelector");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        // select(...) of both selectors and StreamingSelector.selectRows: every public way to choose a coreset
        // (the library adapters call these too, so their selections are charged whether or not they nest)
        return nameStartsWith("select").and(isPublic()).and(not(isAbstract())).and(not(isStatic()));
    }

}
