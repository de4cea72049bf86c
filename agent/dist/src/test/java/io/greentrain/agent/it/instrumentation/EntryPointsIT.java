package io.greentrain.agent.it.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.instrumentation.LibraryInstrumentation;
import io.greentrain.agent.instrumentation.dl4j.Dl4jInstrumentation;
import io.greentrain.agent.instrumentation.smile.SmileInstrumentation;
import io.greentrain.agent.instrumentation.tribuo.TribuoInstrumentation;
import io.greentrain.agent.it.ForkedJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's matchers run against the real libraries' class files, read through a type pool exactly as the agent
 * reads them ({@code POOL_ONLY}: nothing is loaded, so Smile 4-6 class files for Java 21/25 can be checked on JDK 17):
 * which methods each advice would be applied to, for DL4J 1.0.0-M2.1, Smile 3.1.1, 4.4.2, 5.0.0 and 6.3.0 and
 * Tribuo 4.3.2.
 */
class EntryPointsIT {

    /** Same method visibility as the agent's Byte Buddy: synthetic methods hidden except lambda bodies. */
    private static final ElementMatcher<MethodDescription> HIDDEN =
            isSynthetic().<MethodDescription>and(not(nameStartsWith("lambda$"))).or(isDefaultFinalizer());

    /** Public static fit methods in the Smile packages that are not training: they return no model. */
    private static final List<String> SMILE_HELPERS = Arrays.asList(
            "smile.classification.ClassLabels#", "smile.classification.PlattScaling#",
            "smile.classification.IsotonicRegressionScaling#", "smile.classification.DiscriminantAnalysis#",
            "smile.classification.resampling.");

    @ParameterizedTest(name = "Smile {0}")
    @ValueSource(strings = {"3.1.1", "4.4.2", "5.0.0", "6.3.0"})
    void smileEntryPointsAreTheStaticFitsThatReturnAModel(String version) throws IOException {
        List<Path> jars = smileJars(version);
        Matches matches = match(new SmileInstrumentation(), jars);

        List<String> fits = matches.main("#fit(");
        assertThat(fits).as("Smile %s model-returning fits", version)
                .anyMatch(m -> m.startsWith("smile.classification.RandomForest#fit("))
                .anyMatch(m -> m.startsWith("smile.classification.LogisticRegression#fit("))
                .anyMatch(m -> m.startsWith("smile.classification.SVM#fit("))
                .anyMatch(m -> m.startsWith("smile.classification.OneVersusRest#fit("))
                .anyMatch(m -> m.startsWith("smile.classification.DecisionTree#fit("))
                .anyMatch(m -> m.startsWith("smile.regression.OLS#fit("))
                .anyMatch(m -> m.startsWith("smile.regression.RandomForest#fit("))
                .anyMatch(m -> m.startsWith("smile.regression.GaussianProcessRegression#fit("))
                .anyMatch(m -> m.startsWith("smile.clustering.KMeans#fit("))
                .anyMatch(m -> m.startsWith("smile.clustering.DBSCAN#fit("))
                .anyMatch(m -> m.startsWith("smile.clustering.HierarchicalClustering#fit("))
                .noneMatch(m -> SMILE_HELPERS.stream().anyMatch(m::startsWith))
                .hasSizeGreaterThan(90);
        // the multi-start helper: PartitionClustering.run (3.x) became Clustering.run (4.x+)
        assertThat(matches.main("#run(")).hasSize(1)
                .allMatch(m -> m.startsWith(version.startsWith("3.") ? "smile.clustering.PartitionClustering#run("
                        : "smile.clustering.Clustering#run("));

        // completeness: every public static fit of the three packages is either an entry point or a known helper
        List<String> notMatched = matches.candidates.stream()
                .filter(m -> m.contains("#fit(") && !matches.main.contains(m))
                .collect(Collectors.toList());
        assertThat(notMatched).as("Smile %s public static fits that are not instrumented", version)
                .allMatch(m -> SMILE_HELPERS.stream().anyMatch(m::startsWith));

        // fan-out: exactly the parallel lambda bodies of OneVersusRest/OneVersusOne and the multi-start run
        List<String> workers = matches.extra("WorkerTaskAdvice");
        assertThat(workers).anyMatch(m -> m.startsWith("smile.classification.OneVersusRest#lambda$fit$"))
                .anyMatch(m -> m.startsWith("smile.classification.OneVersusOne#lambda$fit$"))
                .anyMatch(m -> m.matches("smile\\.clustering\\.(PartitionClustering|Clustering)#lambda\\$run\\$.*"))
                .allMatch(m -> m.matches("smile\\.classification\\.OneVersus(Rest|One)#lambda\\$fit\\$.*")
                        || m.matches("smile\\.clustering\\.(PartitionClustering|Clustering)#lambda\\$run\\$.*"));
    }

    @Test
    void everyConcreteTribuoTrainerRunsAnInstrumentedTrain() throws IOException {
        List<Path> jars = classPathJars(p -> p.getFileName().toString().startsWith("tribuo-"));
        assertThat(jars).hasSizeGreaterThanOrEqualTo(6);
        TribuoInstrumentation tribuo = new TribuoInstrumentation();
        Matches matches = match(tribuo, jars);
        TypePool pool = pool(jars);

        List<String> trainers = new ArrayList<>();
        List<String> uninstrumented = new ArrayList<>();
        for (String name : classNames(jars, "org.tribuo.")) {
            TypeDescription type = pool.describe(name).resolve();
            if (type.isInterface() || type.isAbstract() || !isTrainer(type)) {
                continue;
            }
            trainers.add(type.getSimpleName());
            // the overload every other one ends in, with a body, wherever in the class hierarchy it is declared:
            // Trainer.train(Dataset, Map, int), SequenceTrainer.train(SequenceDataset, Map)
            boolean covered = false;
            for (TypeDescription.Generic t = type.asGenericType(); t != null && !covered; t = t.getSuperClass()) {
                String owner = t.asErasure().getName();
                covered = matches.main.stream().anyMatch(m -> m.startsWith(owner + "#train(Lorg/tribuo/Dataset;Ljava/util/Map;I)")
                        || m.startsWith(owner + "#train(Lorg/tribuo/sequence/SequenceDataset;Ljava/util/Map;)"));
            }
            if (!covered) {
                uninstrumented.add(name);
            }
        }
        assertThat(trainers).contains("LogisticRegressionTrainer", "LinearSGDTrainer", "CARTClassificationTrainer",
                "BaggingTrainer", "RandomForestTrainer", "AdaBoostTrainer");
        assertThat(uninstrumented).as("concrete trainers whose train(ds, provenance, count) is not instrumented").isEmpty();
        // covariant-return bridges only forward: AbstractCARTTrainer declares 9 train methods, 3 of them real
        assertThat(matches.main.stream().filter(m -> m.startsWith("org.tribuo.common.tree.AbstractCARTTrainer#train(")))
                .hasSize(3);
    }

    @Test
    void dl4jEntryPointsEpochBoundariesAndWorkerTasks() throws IOException {
        List<Path> jars = classPathJars(p -> p.getFileName().toString().startsWith("deeplearning4j-"));
        Matches matches = match(new Dl4jInstrumentation(), jars);

        String iterator = "Lorg/nd4j/linalg/dataset/api/iterator/DataSetIterator;";
        String multiIterator = "Lorg/nd4j/linalg/dataset/api/iterator/MultiDataSetIterator;";
        String array = "Lorg/nd4j/linalg/api/ndarray/INDArray;";
        String mln = "org.deeplearning4j.nn.multilayer.MultiLayerNetwork#";
        assertThat(matches.main(mln)).containsExactlyInAnyOrder(
                mln + "fit(" + iterator + "I)V", mln + "fit(" + iterator + ")V", mln + "fit(" + multiIterator + "I)V",
                mln + "fit(" + multiIterator + ")V", mln + "fit(Lorg/nd4j/linalg/dataset/api/DataSet;)V",
                mln + "fit(Lorg/nd4j/linalg/dataset/api/MultiDataSet;)V", mln + "fit(" + array + array + ")V",
                mln + "fit(" + array + array + array + array + ")V", mln + "fit(" + array + "[I)V", mln + "fit()V",
                mln + "pretrain(" + iterator + ")V", mln + "pretrain(" + iterator + "I)V",
                mln + "pretrainLayer(I" + iterator + ")V", mln + "pretrainLayer(I" + iterator + "I)V",
                mln + "pretrainLayer(I" + array + ")V");
        String cg = "org.deeplearning4j.nn.graph.ComputationGraph#";
        assertThat(matches.main(cg)).hasSize(15)
                .contains(cg + "fit(" + iterator + "I)V", cg + "fit(" + multiIterator + ")V")
                .noneMatch(m -> m.contains("LayerWorkspaceMgr"));
        assertThat(matches.main("org.deeplearning4j.parallelism.ParallelWrapper#")).containsExactlyInAnyOrder(
                "org.deeplearning4j.parallelism.ParallelWrapper#fit(" + iterator + ")V",
                "org.deeplearning4j.parallelism.ParallelWrapper#fit(" + multiIterator + ")V");
        assertThat(matches.main("EarlyStopping")).containsExactlyInAnyOrder(
                "org.deeplearning4j.earlystopping.trainer.BaseEarlyStoppingTrainer#fit()Lorg/deeplearning4j/earlystopping/EarlyStoppingResult;",
                "org.deeplearning4j.earlystopping.trainer.BaseEarlyStoppingTrainer#pretrain()Lorg/deeplearning4j/earlystopping/EarlyStoppingResult;",
                "org.deeplearning4j.parallelism.EarlyStoppingParallelTrainer#fit()Lorg/deeplearning4j/earlystopping/EarlyStoppingResult;",
                "org.deeplearning4j.parallelism.EarlyStoppingParallelTrainer#pretrain()Lorg/deeplearning4j/earlystopping/EarlyStoppingResult;");

        assertThat(matches.extra("Dl4jEpochAdvice")).containsExactlyInAnyOrder(
                mln + "incrementEpochCount()V", cg + "incrementEpochCount()V");
        assertThat(matches.extra("Dl4jEarlyStoppingEpochAdvice")).containsExactly(
                "org.deeplearning4j.earlystopping.trainer.BaseEarlyStoppingTrainer#triggerEpochListeners(ZLorg/deeplearning4j/nn/api/Model;I)V");
        assertThat(matches.extra("WorkerTaskAdvice")).containsExactlyInAnyOrder(
                "org.deeplearning4j.parallelism.trainer.DefaultTrainer#fit(Lorg/nd4j/linalg/dataset/api/DataSet;)V",
                "org.deeplearning4j.parallelism.trainer.DefaultTrainer#fit(Lorg/nd4j/linalg/dataset/api/MultiDataSet;)V");
    }

    @Test
    void noMlLibraryIsPackagedIntoTheAgent() throws IOException {
        // the ML libraries are test dependencies of this module: they must not leak into the agent (Smile is GPL-3.0)
        String agentClassPath = new String(Files.readAllBytes(Paths.get(System.getProperty("greentrain.agent.classpath.file",
                "target/agent-classpath.txt"))), StandardCharsets.UTF_8);
        assertThat(agentClassPath).doesNotContain("haifengl", "deeplearning4j", "/nd4j", "tribuo");
        try (JarFile agent = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertThat(agent.stream().map(JarEntry::getName))
                    .noneMatch(n -> n.startsWith("inst/smile/") || n.startsWith("inst/org/deeplearning4j/")
                            || n.startsWith("inst/org/nd4j/") || n.startsWith("inst/org/tribuo/"));
        }
    }

    // --- matching like the agent does --------------------------------------------------------------------------

    /** Methods (as {@code type#name descriptor}) each advice of a library would instrument in the given jars. */
    static final class Matches {
        final List<String> candidates = new ArrayList<>();
        final List<String> main = new ArrayList<>();
        final Map<String, List<String>> extra = new TreeMap<>();

        List<String> main(String containing) {
            return main.stream().filter(m -> m.contains(containing)).collect(Collectors.toList());
        }

        List<String> extra(String adviceSimpleName) {
            return extra.entrySet().stream().filter(e -> e.getKey().endsWith("." + adviceSimpleName))
                    .flatMap(e -> e.getValue().stream()).collect(Collectors.toList());
        }
    }

    static Matches match(LibraryInstrumentation library, List<Path> jars) throws IOException {
        TypePool pool = pool(jars);
        Matches matches = new Matches();
        for (String name : classNames(jars, "")) {
            TypeDescription type = pool.describe(name).resolve();
            if (!library.packages().matches(type) || !library.types().matches(type)) {
                continue;
            }
            for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
                if (HIDDEN.matches(method)) {
                    continue;
                }
                String id = name + "#" + method.getInternalName() + method.getDescriptor();
                if (method.isStatic() && method.isPublic()) {
                    matches.candidates.add(id);
                }
                if (library.methods().matches(method)) {
                    matches.main.add(id);
                }
                for (Map.Entry<String, ElementMatcher<? super MethodDescription>> extra : library.additionalAdvice().entrySet()) {
                    if (extra.getValue().matches(method)) {
                        matches.extra.computeIfAbsent(extra.getKey(), k -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        return matches;
    }

    private static boolean isTrainer(TypeDescription type) {
        // the instrumented types are the trainers and CrossValidation (whose evaluate() makes a group, not a call)
        return new TribuoInstrumentation().types().matches(type) && !type.getName().equals("org.tribuo.evaluation.CrossValidation");
    }

    static TypePool pool(List<Path> jars) throws IOException {
        List<ClassFileLocator> locators = new ArrayList<>();
        for (Path jar : jars) {
            locators.add(ClassFileLocator.ForJarFile.of(jar.toFile()));
        }
        // dependencies of the libraries (nd4j, olcut...) from the test class path, the JDK last
        for (Path jar : classPathJars(p -> true)) {
            locators.add(ClassFileLocator.ForJarFile.of(jar.toFile()));
        }
        locators.add(ClassFileLocator.ForClassLoader.ofPlatformLoader());
        return TypePool.Default.of(new ClassFileLocator.Compound(locators));
    }

    static List<String> classNames(List<Path> jars, String prefix) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class")) {
                        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                        if (name.startsWith(prefix)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    static List<Path> classPathJars(Predicate<Path> filter) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).map(Paths::get).filter(filter).collect(Collectors.toList());
    }

    static List<Path> smileJars(String version) {
        if ("3.1.1".equals(version)) {
            return classPathJars(p -> p.getFileName().toString().matches("smile-(core|base)-3\\.1\\.1\\.jar"));
        }
        Path dir = Paths.get("target", "6.3.0".equals(version) ? "smile6" : "smile-versions/" + version);
        return Stream.of("smile-core-" + version + ".jar", "smile-base-" + version + ".jar").map(dir::resolve)
                .collect(Collectors.toList());
    }
}
