package io.greentrain.agent.instrumentation.subset;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * GreenTrain's own subset-core: coreset selection is charged as its own kind of call (library
 * {@code subset}), so a study can weigh the energy of choosing the data against the energy it saves.
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
        return named("io.greentrain.subset.CoresetSelector");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("select").and(isPublic()).and(not(isAbstract()));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.subset.SubsetSelectAdvice";
    }
}
