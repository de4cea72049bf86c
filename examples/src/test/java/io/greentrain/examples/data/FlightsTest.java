package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flights loader on a 1,000-row slice of flights-200k kept in the test resources (no network). */
class FlightsTest {

    @TempDir
    Path dir;

    private static LabelledData slice() throws IOException {
        try (InputStream in = FlightsTest.class.getResourceAsStream("/flights-200k-slice.json")) {
            return Flights.read(in, "flights-200k-slice.json");
        }
    }

    @Test
    void readsEveryFlightWithTwoScaledFeaturesAndTheFifteenMinuteLabel() throws IOException {
        LabelledData d = slice();
        assertThat(d.size()).isEqualTo(1000);
        assertThat(d.numFeatures()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(2);
        for (float[] row : d.features()) {
            assertThat(row[0]).isBetween(0f, 1f);        // time of day / 24
            assertThat(row[1]).isBetween(0.02f, 5f);     // distance / 1000 (30 to 4,962 miles)
        }
        int delayed = d.classCounts()[1];
        // about a fifth of US flights in 2001 were more than 15 minutes late (21.6 % in all 200,000)
        assertThat(delayed).isBetween(170, 260);
    }

    @Test
    void theLabelIsDelayOverFifteenMinutes() throws IOException {
        String json = "[{\"delay\":15,\"distance\":1000,\"time\":12.0},{\"delay\":16,\"distance\":500,\"time\":6.0}]";
        LabelledData d = Flights.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "two");
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(d.features()[1]).containsExactly(0.25f, 0.5f);
    }

    @Test
    void aFlightWithoutANumberIsRejectedByRowAndField() {
        String json = "[{\"delay\":1,\"distance\":1,\"time\":1},{\"delay\":\"late\",\"distance\":1,\"time\":1}]";
        assertThatThrownBy(() -> Flights.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad"))
                .isInstanceOf(IOException.class).hasMessageContaining("flight 1").hasMessageContaining("'delay'");
    }

    @Test
    void theSplitIsEightyTwentyAndSeeded() throws IOException {
        TrainTest a = Flights.split(slice());
        TrainTest b = Flights.split(slice());
        assertThat(a.train().size()).isEqualTo(800);
        assertThat(a.test().size()).isEqualTo(200);
        assertThat(a.train().features()[0]).containsExactly(b.train().features()[0]);
    }

    @Test
    void aCachedFileWithTheRightChecksumIsUsedWithoutNpm() throws IOException {
        byte[] body;
        try (InputStream in = FlightsTest.class.getResourceAsStream("/flights-200k-slice.json")) {
            body = in.readAllBytes();
        }
        Path cached = dir.resolve("pkg-1.0.0").resolve("slice.json");
        Files.createDirectories(cached.getParent());
        Files.write(cached, body);
        NpmDataPackage pkg = new NpmDataPackage("pkg", "1.0.0", "0".repeat(64), "data/slice.json", Sha256.of(cached));
        assertThat(pkg.fetch(new DataCache(dir), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).isEqualTo(cached);
    }
}
