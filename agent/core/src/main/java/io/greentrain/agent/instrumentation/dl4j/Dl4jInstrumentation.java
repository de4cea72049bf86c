package io.greentrain.agent.instrumentation.dl4j;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * DL4J 1.0.0-M2.x (checked against M2.1 bytecode and sources).
 *
 * <p>Training entry points ({@link io.greentrain.agent.instrumentation.TrainingCallAdvice}):
 * <ul>
 *   <li>{@code MultiLayerNetwork} and {@code ComputationGraph}: every public {@code fit}, {@code pretrain} and
 *       {@code pretrainLayer} overload, except {@code fit(INDArray, LayerWorkspaceMgr)} (it only throws
 *       {@code UnsupportedOperationException});</li>
 *   <li>{@code ParallelWrapper.fit(DataSetIterator | MultiDataSetIterator)};</li>
 *   <li>early stopping: {@code BaseEarlyStoppingTrainer.fit()/pretrain()} (covers {@code EarlyStoppingTrainer} and
 *       {@code EarlyStoppingGraphTrainer}) and {@code EarlyStoppingParallelTrainer.fit()/pretrain()}.</li>
 * </ul>
 * Nesting on one thread counts once ({@code fit(iterator, epochs)} → {@code fit(iterator)}; CG's per-minibatch
 * {@code fit(INDArray[]...)}; early stopping's per-minibatch {@code net.fit(DataSet)}).
 *
 * <p>Fan-out ({@link io.greentrain.agent.instrumentation.WorkerTaskAdvice}): ParallelWrapper's workers ({@code DefaultTrainer}, also
 * {@code SymmetricTrainer}) fit replicas with {@code fit(DataSet)} on "ParallelWrapper training thread N"; their
 * protected {@code DefaultTrainer.fit(DataSet | MultiDataSet)} raises the worker thread's nesting depth, so those fits
 * belong to the {@code ParallelWrapper.fit} call that fed them. Async prefetch threads only call
 * {@code iterator.next()}, never a training method.
 *
 * <p>Epochs ({@link Dl4jEpochAdvice}, {@link Dl4jEarlyStoppingEpochAdvice}): {@code incrementEpochCount()}, which
 * MLN/CG call once per pass in their iterator fits, and {@code BaseEarlyStoppingTrainer.triggerEpochListeners(false, ..)},
 * which early stopping calls at the end of each epoch (it sets the count instead of incrementing it).
 */
public final class Dl4jInstrumentation implements LibraryInstrumentation {

    static final String MULTI_LAYER_NETWORK = "org.deeplearning4j.nn.multilayer.MultiLayerNetwork";
    static final String COMPUTATION_GRAPH = "org.deeplearning4j.nn.graph.ComputationGraph";
    static final String PARALLEL_WRAPPER = "org.deeplearning4j.parallelism.ParallelWrapper";
    static final String EARLY_STOPPING = "org.deeplearning4j.earlystopping.trainer.BaseEarlyStoppingTrainer";
    static final String EARLY_STOPPING_PARALLEL = "org.deeplearning4j.parallelism.EarlyStoppingParallelTrainer";
    static final String WORKER = "org.deeplearning4j.parallelism.trainer.DefaultTrainer";
    static final String WORKSPACE_MGR = "org.deeplearning4j.nn.workspace.LayerWorkspaceMgr";

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
        return namedOneOf(MULTI_LAYER_NETWORK, COMPUTATION_GRAPH, PARALLEL_WRAPPER, EARLY_STOPPING, EARLY_STOPPING_PARALLEL, WORKER);
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        ElementMatcher.Junction<MethodDescription> networks = isDeclaredBy(namedOneOf(MULTI_LAYER_NETWORK, COMPUTATION_GRAPH))
                .and(namedOneOf("fit", "pretrain", "pretrainLayer"))
                .and(not(takesArgument(1, named(WORKSPACE_MGR))));
        ElementMatcher.Junction<MethodDescription> wrapper = isDeclaredBy(named(PARALLEL_WRAPPER)).and(named("fit"));
        ElementMatcher.Junction<MethodDescription> earlyStopping = isDeclaredBy(namedOneOf(EARLY_STOPPING, EARLY_STOPPING_PARALLEL))
                .and(namedOneOf("fit", "pretrain")).and(takesArguments(0));
        return isPublic().and(not(isAbstract())).and(not(isSynthetic())).and(networks.or(wrapper).or(earlyStopping));
    }

    @Override
    public Map<String, ElementMatcher<? super MethodDescription>> additionalAdvice() {
        Map<String, ElementMatcher<? super MethodDescription>> advice = new LinkedHashMap<>();
        advice.put("io.greentrain.agent.instrumentation.dl4j.Dl4jEpochAdvice",
                isDeclaredBy(namedOneOf(MULTI_LAYER_NETWORK, COMPUTATION_GRAPH)).and(named("incrementEpochCount"))
                        .and(takesArguments(0)));
        advice.put("io.greentrain.agent.instrumentation.dl4j.Dl4jEarlyStoppingEpochAdvice",
                isDeclaredBy(named(EARLY_STOPPING)).and(named("triggerEpochListeners")).and(takesArguments(3))
                        .and(takesArgument(0, boolean.class)));
        advice.put("io.greentrain.agent.instrumentation.WorkerTaskAdvice",
                isDeclaredBy(named(WORKER)).and(named("fit")).and(takesArguments(1)).and(not(isAbstract())));
        return advice;
    }
}
