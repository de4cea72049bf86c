package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** Fetches the real scikit-learn digits (2 MB Debian package) into the test cache and parses them. */
class DigitsTest {

    static DataCache testCache() {
        String prop = System.getProperty(DataCache.PROPERTY);
        return prop != null ? new DataCache(Paths.get(prop)) : new DataCache(Paths.get("target", "test-cache"));
    }

    @Test
    void fetchesVerifiesAndParsesTheDigits() {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path dir = Digits.SOURCE.fetch(testCache(), log);
        LabelledData all = Digits.parse(dir.resolve(Digits.FILE));
        assertThat(all.size()).isEqualTo(1797);
        assertThat(all.numFeatures()).isEqualTo(64);
        assertThat(all.numClasses()).isEqualTo(10);
        for (int c : all.classCounts()) {
            assertThat(c).isBetween(170, 190);
        }
        for (float[] row : all.features()) {
            for (float v : row) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        TrainTest tt = Digits.load(testCache(), log);
        assertThat(tt.train().size() + tt.test().size()).isEqualTo(1797);
        assertThat(tt.test().size()).isBetween(355, 365);
    }
}
