package io.greentrain.agent.instrumentation.smile;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Smile 3.1 to 6.x: public static {@code fit}/{@code train} methods in {@code smile.classification},
 * {@code smile.regression} and {@code smile.clustering} that return a model, recognised by return type
 * (a classifier, regression or clustering model), not by a hand-kept list; helpers such as
 * {@code ClassLabels.fit} return no model and are left alone. Matched by name only: Smile is GPL-3.0
 * and the agent never links it.
 */
public final class SmileInstrumentation implements LibraryInstrumentation {

    @Override
    public String library() {
        return "smile";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("smile.classification.").or(nameStartsWith("smile.regression."))
                .or(nameStartsWith("smile.clustering."));
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return net.bytebuddy.matcher.ElementMatchers.any();
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return isStatic().and(isPublic()).and(namedOneOf("fit", "train"))
                .and(returns(hasSuperType(named("smile.classification.Classifier")
                        .or(named("smile.regression.Regression"))
                        .or(nameStartsWith("smile.clustering.").and(named("smile.clustering.Clustering")
                                .or(named("smile.clustering.PartitionClustering"))
                                .or(named("smile.clustering.CentroidClustering")))))));
    }

    @Override
    public String adviceClassName() {
        return "io.greentrain.agent.instrumentation.smile.SmileFitAdvice";
    }
}
