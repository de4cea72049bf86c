package io.greentrain.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tribuo.fixture.FixtureTrainer;

class CallDescriberTest {

    private final CallDescriber describer = new CallDescriber();

    @Test
    void modelIsTheReceiversSimpleNameOrTheDeclaringType() {
        assertThat(describer.model("tribuo", "org.tribuo.fixture.AbstractFixtureTrainer", new FixtureTrainer(), null)).isEqualTo("FixtureTrainer");
        assertThat(describer.model("smile", "smile.classification.RandomForest", null, new Object[0])).isEqualTo("RandomForest");
        // an anonymous subclass has no simple name: the declaring type names it
        assertThat(describer.model("tribuo", "org.tribuo.fixture.AbstractFixtureTrainer", new FixtureTrainer() { }, null)).isEqualTo("AbstractFixtureTrainer");
    }

    @Test
    void customCallsAreNamedByTheirLabelAndSelectionsByTheirMethod() {
        assertThat(describer.model("custom", "io.greentrain.api.GreenTrain", null, new Object[] {" el2n-scoring ", null}))
                .isEqualTo("el2n-scoring");
        assertThat(describer.model("subset", "io.greentrain.subset.CoresetSelector", new SelectorWithMethod(), new Object[0]))
                .isEqualTo("lightweight");
        assertThat(describer.model("subset", "io.greentrain.subset.StreamingSelector", new Object(), new Object[0]))
                .isEqualTo("Object");
    }

    /** Shaped like subset-core's CoresetSelector: a public method() whose value names the method. */
    public static final class SelectorWithMethod {
        public Object method() {
            return "LIGHTWEIGHT";
        }
    }

    @Test
    void dataFingerprintIsTheShapeOfArrayArguments() {
        assertThat(describer.dataFingerprint(new Object[] {new double[100][7], new int[100], 5, "x"})).isEqualTo("double[100][7],int[100]");
        assertThat(describer.dataFingerprint(new Object[] {new float[0][], null})).isEqualTo("float[0][0]");
        assertThat(describer.dataFingerprint(null)).isEmpty();
    }

    @Test
    void smileHyperparametersAreStableAcrossRunsAndInsertionOrder() {
        Properties first = new Properties();
        first.setProperty("smile.svm.C", "5");
        first.setProperty("smile.svm.kernel", "Gaussian(3.0)");
        Properties second = new Properties();
        second.setProperty("smile.svm.kernel", "Gaussian(3.0)");
        second.setProperty("smile.svm.C", "5");
        String a = describer.configFingerprint("smile", null, new Object[] {new double[3][2], new int[3], first});
        assertThat(a).matches("[0-9a-f]{16}")
                .isEqualTo(describer.configFingerprint("smile", null, new Object[] {new double[5][2], new int[5], second}));
        second.setProperty("smile.svm.C", "6");
        assertThat(describer.configFingerprint("smile", null, new Object[] {second})).isNotEqualTo(a);
    }

    @Test
    void objectsWithoutAMeaningfulToStringCountByTypeOnly() {
        // a JDK stream's toString carries an identity hash that differs per run: its type stands in for it
        String seeds = describer.configFingerprint("smile", null, new Object[] {20, LongStream.range(1, 21)});
        assertThat(seeds).isEqualTo(describer.configFingerprint("smile", null, new Object[] {20, LongStream.range(1, 21)}));
        assertThat(describer.configFingerprint("smile", null, new Object[] {new double[3][2]})).isEmpty();
    }

    @Test
    void epochsPlannedComesFromDl4jIteratorArguments() {
        Object iterator = (org.nd4j.linalg.dataset.api.iterator.DataSetIterator) () -> 32;
        assertThat(describer.epochsPlanned("dl4j", "fit", new Object[] {iterator, 5})).isEqualTo(5);
        assertThat(describer.epochsPlanned("dl4j", "fit", new Object[] {iterator})).isEqualTo(1);
        assertThat(describer.epochsPlanned("dl4j", "pretrainLayer", new Object[] {0, iterator, 2})).isEqualTo(2);
        assertThat(describer.epochsPlanned("dl4j", "fit", new Object[] {new double[2][2], new double[2][2]})).isEqualTo(-1);
        assertThat(describer.epochsPlanned("tribuo", "train", new Object[] {iterator, 5})).isEqualTo(-1);
    }
}
