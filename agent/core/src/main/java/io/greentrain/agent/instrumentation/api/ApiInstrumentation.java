package io.greentrain.agent.instrumentation.api;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The GreenTrain API ({@code io.greentrain.api.GreenTrain.measure/run}): a no-op in the application,
 * a measured call of library {@code custom} with the label as model once the agent is attached; and its explicit run
 * and group scopes ({@code startRun/startGroup}).
 */
public final class ApiInstrumentation implements LibraryInstrumentation {

    static final String API = "io.greentrain.api.GreenTrain";
    static final String SCOPE = "io.greentrain.api.GreenTrain$Scope";

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
        return namedOneOf(API, SCOPE);
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return isDeclaredBy(named(API)).and(isStatic()).and(namedOneOf("measure", "run")).and(takesArgument(0, String.class));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.api.ApiMeasureAdvice";
    }

    /** Explicit runs and groups ({@code GreenTrain.startRun/startGroup}): the scope's private hooks. */
    @Override
    public java.util.Map<String, ElementMatcher<? super MethodDescription>> additionalAdvice() {
        java.util.Map<String, ElementMatcher<? super MethodDescription>> advice = new java.util.LinkedHashMap<>();
        advice.put("io.greentrain.agent.instrumentation.api.ApiScopeOpenedAdvice",
                isDeclaredBy(named(SCOPE)).and(named("opened")).and(takesArguments(0)));
        advice.put("io.greentrain.agent.instrumentation.api.ApiScopeEndedAdvice",
                isDeclaredBy(named(SCOPE)).and(named("ended")).and(takesArguments(0)));
        return advice;
    }
}
