package io.greentrain.examples.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

import io.greentrain.examples.data.DataCache;
import io.greentrain.examples.data.Digits;
import io.greentrain.examples.data.TrainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every model of the jobs trains on the real digits and beats chance by far. */
class TrainersTest {

    static TrainTest digits;

    @BeforeAll
    static void load() {
        DataCache cache = new DataCache(Paths.get(System.getProperty(DataCache.PROPERTY, "target/test-cache")));
        digits = Digits.load(cache, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void everyQuickModelLearnsTheDigits() {
        Dl4jMlp.limitThreads(1);
        for (Trainer trainer : Models.all(Models.Effort.QUICK)) {
            Classifier model = trainer.train(digits.train(), null, 1);
            assertThat(model.accuracy(digits.test())).as(trainer.id()).isGreaterThan(0.85);
        }
    }

    @Test
    void tribuoHonoursExampleWeights() {
        Trainer lr = new TribuoLogisticRegression(3);
        assertThat(lr.supportsExampleWeights()).isTrue();
        // class 0 rows weighted 0: the model should (almost) never predict class 0
        float[] w = new float[digits.train().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = digits.train().labels()[i] == 0 ? 0f : 1f;
        }
        int[] predicted = lr.train(digits.train(), w, 1).predict(digits.test());
        long zeros = java.util.Arrays.stream(predicted).filter(p -> p == 0).count();
        assertThat(zeros).isLessThan(10);
        assertThat(new Dl4jMlp(8, 1, 32).supportsExampleWeights()).isFalse();
    }
}
