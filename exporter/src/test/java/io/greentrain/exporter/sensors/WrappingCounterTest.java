package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrappingCounterTest {

    @Test
    void deltasOfARisingCounter() {
        WrappingCounter counter = new WrappingCounter(1000, 100);
        assertThat(counter.advance(150)).isEqualTo(50);
        assertThat(counter.advance(150)).isZero();
        assertThat(counter.advance(990)).isEqualTo(840);
    }

    @Test
    void oneWrapThroughTheRange() {
        WrappingCounter counter = new WrappingCounter(1000, 990);
        assertThat(counter.advance(15)).isEqualTo(10 + 15);
        assertThat(counter.previous()).isEqualTo(15);
    }

    @Test
    void unknownRangeCountsOnlyWhatIsSureAfterAReset() {
        WrappingCounter counter = new WrappingCounter(-1, 990);
        assertThat(counter.advance(15)).isEqualTo(15);
    }

    @Test
    void rejectsNegativeReadings() {
        assertThatThrownBy(() -> new WrappingCounter(1000, -5)).hasMessageContaining("-5");
        assertThatThrownBy(() -> new WrappingCounter(1000, 5).advance(-7)).hasMessageContaining("-7");
    }
}
