package io.greentrain.agent.instrumentation.tribuo;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tribuo 4.3.x: every {@code train(Dataset, ...)} with a body, in every class that implements {@code org.tribuo.Trainer}
 * (or {@code org.tribuo.sequence.SequenceTrainer} with {@code train(SequenceDataset, ...)}).
 *
 * <p>Abstract classes are included on purpose: the work of most trainers is inherited, e.g. {@code LogisticRegressionTrainer}
 * and {@code LinearSGDTrainer} declare no {@code train} at all and run {@code AbstractSGDTrainer.train}; CART trainers run
 * {@code AbstractCARTTrainer.train}. The receiver (the concrete trainer) names the call. Covariant-return bridge methods
 * are skipped (they only forward).
 *
 * <p>Nesting on one thread counts once: {@code train(ds)} → {@code train(ds, provenance)} →
 * {@code train(ds, provenance, invocationCount)}, and ensembles/wrappers (Bagging, RandomForest, ExtraTrees, AdaBoost,
 * TransformTrainer, HashingTrainer, IndependentMultiLabelTrainer, ClassifierChain) call their inner trainers on the
 * calling thread. Tribuo's trainers do not fan training out to other threads.
 */
public final class TribuoInstrumentation implements LibraryInstrumentation {

    static final String[] TRAINERS = {"org.tribuo.Trainer", "org.tribuo.sequence.SequenceTrainer"};
    static final String[] DATASETS = {"org.tribuo.Dataset", "org.tribuo.sequence.SequenceDataset"};
    /** Its folds' training calls form one group ({@link io.greentrain.agent.instrumentation.GroupScopeAdvice}). */
    static final String CROSS_VALIDATION = "org.tribuo.evaluation.CrossValidation";

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
        // failSafe: a Tribuo class whose hierarchy cannot be resolved (an optional dependency missing) is simply no trainer
        return not(isInterface()).and(failSafe(hasSuperType(namedOneOf(TRAINERS)))).or(named(CROSS_VALIDATION));
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("train").and(not(isAbstract())).and(not(isBridge())).and(not(isSynthetic()))
                .and(takesArgument(0, namedOneOf(DATASETS)));
    }

    @Override
    public java.util.Map<String, ElementMatcher<? super MethodDescription>> additionalAdvice() {
        return java.util.Collections.singletonMap("io.greentrain.agent.instrumentation.GroupScopeAdvice",
                isDeclaredBy(named(CROSS_VALIDATION)).and(named("evaluate")).and(takesArguments(0)));
    }
}
