package io.greentrain.agent.instrumentation.smile;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Smile 3.1.x (Java 8+) and 4.x to 6.x (Java 21/25), matched by name only: Smile is GPL-3.0 and the agent never links
 * it, and no Smile class is loaded or initialised by matching.
 *
 * <p>Training entry points ({@link io.greentrain.agent.instrumentation.TrainingCallAdvice}), by convention and return type rather than a hand list: every
 * public static {@code fit} declared in {@code smile.classification}, {@code smile.regression} or
 * {@code smile.clustering} (and their sub-packages) whose return type is a model, i.e. a subtype of
 * {@code smile.classification.Classifier} (which {@code DataFrameClassifier} extends), {@code smile.regression.Regression}
 * ({@code DataFrameRegression}, {@code LinearModel}), or a clustering result: {@code PartitionClustering} (3.x),
 * {@code Partitioning} and the {@code CentroidClustering} record (4.x+), or {@code HierarchicalClustering}. Helpers
 * that return something else ({@code ClassLabels}, {@code PlattScaling}, {@code IsotonicRegressionScaling},
 * {@code DiscriminantAnalysis}, the {@code resampling} package's SMOTE family) are not training. Also Smile's
 * multi-start helper {@code run(int runs, Supplier)} of {@code PartitionClustering} (3.x) / {@code Clustering} (4.x+):
 * one user call that fits the clustering {@code runs} times in parallel.
 *
 * <p>Nesting: the overloads delegate to each other on the same thread ({@code fit(x, y)} → {@code fit(x, y, Options)}),
 * counted once. Ensembles (RandomForest, GradientTreeBoost, AdaBoost) build their trees with constructors, in parallel,
 * so they make no nested calls at all.
 *
 * <p>Fan-out ({@link io.greentrain.agent.instrumentation.WorkerTaskAdvice}): {@code OneVersusRest}/{@code OneVersusOne} (used by multi-class
 * {@code SVM.fit}) train one binary model per class inside a parallel stream, and {@code run(runs, Supplier)} calls
 * the supplier in one; those lambda bodies ({@code lambda$fit$*}, {@code lambda$run$*}) run partly on ForkJoin
 * common-pool workers. They raise the executing thread's nesting depth, so the fits inside belong to the outer call.
 * Independent fits that the application itself runs on a ForkJoin pool stay separate calls.
 */
public final class SmileInstrumentation implements LibraryInstrumentation {

    /** Supertypes that make a return type a trained model, across Smile 3.1 to 6.x. */
    static final String[] MODEL_TYPES = {
        "smile.classification.Classifier",
        "smile.regression.Regression",
        "smile.clustering.PartitionClustering",
        "smile.clustering.Partitioning",
        "smile.clustering.CentroidClustering",
        "smile.clustering.HierarchicalClustering",
    };
    static final String[] MULTI_START = {"smile.clustering.PartitionClustering", "smile.clustering.Clustering"};
    static final String[] ONE_VERSUS = {"smile.classification.OneVersusRest", "smile.classification.OneVersusOne"};
    /** Validation helpers whose fits form one group ({@link io.greentrain.agent.instrumentation.GroupScopeAdvice}). */
    static final String[] VALIDATION = {"smile.validation.CrossValidation", "smile.validation.Bootstrap", "smile.validation.LOOCV"};

    @Override
    public String library() {
        return "smile";
    }

    @Override
    public ElementMatcher.Junction<TypeDescription> packages() {
        return nameStartsWith("smile.classification.").or(nameStartsWith("smile.regression."))
                .or(nameStartsWith("smile.clustering.")).or(nameStartsWith("smile.validation."));
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return net.bytebuddy.matcher.ElementMatchers.any();
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        ElementMatcher.Junction<MethodDescription> modelFit = named("fit")
                .and(returns(failSafe(hasSuperType(namedOneOf(MODEL_TYPES)))));
        ElementMatcher.Junction<MethodDescription> multiStart = named("run").and(isDeclaredBy(namedOneOf(MULTI_START)))
                .and(takesArguments(2));
        return isStatic().and(isPublic()).and(not(isSynthetic())).and(modelFit.or(multiStart));
    }

    @Override
    public Map<String, ElementMatcher<? super MethodDescription>> additionalAdvice() {
        Map<String, ElementMatcher<? super MethodDescription>> advice = new java.util.LinkedHashMap<>();
        advice.put("io.greentrain.agent.instrumentation.WorkerTaskAdvice",
                isSynthetic().and(nameStartsWith("lambda$fit$").and(isDeclaredBy(namedOneOf(ONE_VERSUS)))
                        .or(nameStartsWith("lambda$run$").and(isDeclaredBy(namedOneOf(MULTI_START))))));
        advice.put("io.greentrain.agent.instrumentation.GroupScopeAdvice",
                isStatic().and(isPublic()).and(not(isSynthetic())).and(isDeclaredBy(namedOneOf(VALIDATION)))
                        .and(namedOneOf("classification", "regression", "stratify")));
        return advice;
    }
}
