package io.greentrain.agent.instrumentation.dl4j;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * DL4J 1.0.0-M2.x: every public {@code fit} overload of {@code MultiLayerNetwork} and
 * {@code ComputationGraph}, {@code ParallelWrapper.fit}, and the early-stopping trainers' {@code fit}.
 * {@code fit(iterator, epochs)} calls {@code fit(iterator)} on the same thread: CallDepth counts it once.
 */
public final class Dl4jInstrumentation implements LibraryInstrumentation {

    @Override
    public String library() {
        return "dl4j";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("org.deeplearning4j.");
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return namedOneOf(
                "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
                "org.deeplearning4j.nn.graph.ComputationGraph",
                "org.deeplearning4j.parallelism.ParallelWrapper",
                "org.deeplearning4j.earlystopping.trainer.BaseEarlyStoppingTrainer");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("fit").and(isPublic()).and(not(isAbstract()));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.dl4j.Dl4jFitAdvice";
    }
}
