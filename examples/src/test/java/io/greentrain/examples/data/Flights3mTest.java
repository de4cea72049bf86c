package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.greentrain.examples.data.Flights3m.Encoding;
import io.greentrain.examples.data.Flights3m.Flight;
import org.junit.jupiter.api.Test;

/** The flights-3m loader on a 400-row slice of flights-3m.csv kept in the test resources (no network). */
class Flights3mTest {

    /** 2 numeric + 24 hours + (20 + other) origins + (20 + other) destinations. */
    private static final int WIDTH = 2 + 24 + 21 + 21;

    private static List<Flight> slice() throws IOException {
        try (InputStream in = Flights3mTest.class.getResourceAsStream("/flights-3m-slice.csv")) {
            return Flights3m.read(in, "flights-3m-slice.csv");
        }
    }

    private static List<Flight> csv(String text) throws IOException {
        return Flights3m.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline");
    }

    @Test
    void readsEveryFlightOfTheSliceWithTheFifteenMinuteLabel() throws IOException {
        List<Flight> flights = slice();
        assertThat(flights).hasSize(400);
        // 89 of the slice's 400 flights are more than 15 minutes late; 20.1 % of all 231,083 in the file
        assertThat(flights.stream().mapToInt(Flight::label).sum()).isEqualTo(89);
        assertThat(flights.get(0)).isEqualTo(new Flight(2, 3, 8, 3, 0, 2298, "BDL", "LAS"));
    }

    @Test
    void theLabelIsDelayOverFifteenMinutesAndTheHourComesFromTheDate() throws IOException {
        List<Flight> f = csv("date,delay,distance,origin,destination\n01010530,15,370,LAX,PHX\n03312248,16,880,STL,MCO\n");
        assertThat(f).extracting(Flight::label).containsExactly(0, 1);
        Encoding e = Encoding.fit(f, 20);
        float[] x = e.encode(f.get(0));
        assertThat(x[0]).isEqualTo((float) (5.5 / 24));
        assertThat(x[1]).isEqualTo(0.37f);
        assertThat(x[2 + 5]).isEqualTo(1f);
        assertThat(f.get(1).hour()).isEqualTo(22);
    }

    @Test
    void theSampleIsSeededAndSplitEightyTwentyWithTheEncodingWidth() throws IOException {
        List<Flight> flights = slice();
        TrainTest a = Flights3m.sampleAndEncode(flights, 300);
        TrainTest b = Flights3m.sampleAndEncode(slice(), 300);
        assertThat(a.train().size()).isEqualTo(240);
        assertThat(a.test().size()).isEqualTo(60);
        assertThat(a.train().numFeatures()).isEqualTo(WIDTH);
        assertThat(a.test().numFeatures()).isEqualTo(WIDTH);
        assertThat(a.train().name()).isEqualTo("flights-3m");
        assertThat(a.train().numClasses()).isEqualTo(2);
        for (int i = 0; i < a.train().size(); i++) {
            assertThat(a.train().features()[i]).containsExactly(b.train().features()[i]);
        }
        assertThat(a.test().labels()).containsExactly(b.test().labels());
        // asking for more rows than there are keeps them all, shuffled
        TrainTest all = Flights3m.sampleAndEncode(flights, Flights3m.SAMPLE_ROWS);
        assertThat(all.train().size() + all.test().size()).isEqualTo(400);
        assertThat(all.train().size()).isEqualTo(320);
        int delayed = all.train().classCounts()[1] + all.test().classCounts()[1];
        assertThat(delayed).isEqualTo(89);
    }

    @Test
    void everyRowHasOneHourOneOriginAndOneDestination() throws IOException {
        TrainTest d = Flights3m.sampleAndEncode(slice(), 400);
        for (LabelledData split : List.of(d.train(), d.test())) {
            for (float[] row : split.features()) {
                assertThat(row[0]).isBetween(0f, 1f);
                assertThat(row[1]).isBetween(0.05f, 3f); // 67 to 2,300 miles in the slice
                assertThat(sum(row, 2, 26)).isEqualTo(1f);
                assertThat(sum(row, 26, 47)).isEqualTo(1f);
                assertThat(sum(row, 47, 68)).isEqualTo(1f);
            }
        }
    }

    @Test
    void theAirportVocabularyIsTheTrainingSplitsBusiestAndTestRowsCannotChangeIt() throws IOException {
        List<Flight> flights = slice();
        List<Flight> train = flights.subList(0, 320);
        List<Flight> test = new ArrayList<>(flights.subList(320, 400));
        Encoding fitted = Encoding.fit(train, 20);
        TrainTest encoded = Flights3m.encode(train, test);

        // a test split made of one airport unseen in training, many times over, would top any vocabulary it entered
        List<Flight> flood = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            flood.add(new Flight(1, 1, 12, 0, 60, 500, "ZZZ", "ZZZ"));
        }
        TrainTest flooded = Flights3m.encode(train, flood);
        for (int i = 0; i < train.size(); i++) {
            assertThat(flooded.train().features()[i]).containsExactly(encoded.train().features()[i]);
        }
        float[] unseen = flooded.test().features()[0];
        assertThat(unseen[26 + 20]).as("origin 'other'").isEqualTo(1f);
        assertThat(unseen[47 + 20]).as("destination 'other'").isEqualTo(1f);

        // the vocabulary counts training rows only: the busiest origin of the training split comes first
        assertThat(fitted.origins()).hasSize(20).doesNotContain("ZZZ");
        String busiest = fitted.origins().get(0);
        long busiestCount = train.stream().filter(f -> f.origin().equals(busiest)).count();
        assertThat(train.stream().collect(java.util.stream.Collectors.groupingBy(Flight::origin,
                java.util.stream.Collectors.counting())).values()).allMatch(c -> c <= busiestCount);
        assertThat(fitted.width()).isEqualTo(WIDTH);
        // and the labels play no part: flipping every training label leaves the encoding as it was
        List<Flight> flipped = train.stream().map(f -> new Flight(f.month(), f.day(), f.hour(), f.minute(),
                f.label() == 1 ? 0 : 60, f.distance(), f.origin(), f.destination())).toList();
        assertThat(Encoding.fit(flipped, 20).origins()).isEqualTo(fitted.origins());
        assertThat(Encoding.fit(flipped, 20).destinations()).isEqualTo(fitted.destinations());
    }

    @Test
    void aWrongHeaderOrABadValueIsRejectedByLineAndField() {
        assertThatThrownBy(() -> csv("date,delay,distance\n01010530,1,370\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("expected the columns");
        assertThatThrownBy(() -> csv("date,delay,distance,origin,destination\n01010530,1,370,LAX,PHX\n"
                + "01010530,late,370,LAX,PHX\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("'delay'");
        assertThatThrownBy(() -> csv("date,delay,distance,origin,destination\n01012530,1,370,LAX,PHX\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("'date'");
    }

    @Test
    void theStudyKnowsTheDataSetByName() {
        assertThat(DataSets.byId("flights-3m")).isEqualTo(DataSets.FLIGHTS_3M);
        assertThat(DataSets.byId("flights")).isEqualTo(DataSets.FLIGHTS);
        assertThat(DataSets.FLIGHTS_3M.licence()).contains("BSD-3-Clause").contains("vega-datasets@2.9.0");
    }

    private static float sum(float[] row, int from, int to) {
        float s = 0;
        for (int i = from; i < to; i++) {
            s += row[i];
        }
        return s;
    }
}
