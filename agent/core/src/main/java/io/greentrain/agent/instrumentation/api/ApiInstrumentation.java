package io.greentrain.agent.instrumentation.api;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The GreenTrain API ({@code io.greentrain.api.GreenTrain.measure/run}): a no-op in the application,
 * a measured call of library {@code custom} with the label as model once the agent is attached.
 */
public final class ApiInstrumentation implements LibraryInstrumentation {

    @Override
    public String library() {
        return "custom";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("io.greentrain.api.");
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return named("io.greentrain.api.GreenTrain");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return isStatic().and(namedOneOf("measure", "run")).and(takesArgument(0, String.class));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.api.ApiMeasureAdvice";
    }
}
