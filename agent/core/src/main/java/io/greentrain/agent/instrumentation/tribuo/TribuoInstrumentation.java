package io.greentrain.agent.instrumentation.tribuo;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tribuo 4.3: {@code train(Dataset, ...)} of every concrete {@code org.tribuo.Trainer} implementation.
 * Ensembles (bagging, boosting) call inner trainers on the same thread; CallDepth counts them once.
 */
public final class TribuoInstrumentation implements LibraryInstrumentation {

    @Override
    public String library() {
        return "tribuo";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("org.tribuo.");
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return not(isInterface()).and(not(isAbstract())).and(hasSuperType(named("org.tribuo.Trainer")));
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("train").and(not(isAbstract())).and(takesArgument(0, named("org.tribuo.Dataset")));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.tribuo.TribuoTrainAdvice";
    }
}
