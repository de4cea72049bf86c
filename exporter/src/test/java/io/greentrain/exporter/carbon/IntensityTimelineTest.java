package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntensityTimelineTest {

    private static IntensityReading r(double g, String source) {
        return new IntensityReading(g, source);
    }

    @Test
    void averagesOverTheSpanWeightedByTime() {
        IntensityTimeline timeline = new IntensityTimeline();
        timeline.record(1_000, r(100, "electricitymaps"));
        timeline.record(2_000, r(300, "electricitymaps"));
        timeline.record(4_000, r(50, "fallback:table:owid-2023"));
        // [1500, 5000): 500 ms at 100, 2000 ms at 300, 1000 ms at 50
        IntensityReading mean = timeline.over(1_500, 5_000);
        assertThat(mean.gramsPerKwh()).isCloseTo((500 * 100 + 2000 * 300 + 1000 * 50) / 3500.0, within(1e-9));
        assertThat(mean.source()).isEqualTo("electricitymaps+fallback:table:owid-2023");
        assertThat(timeline.over(2_000, 3_000)).isEqualTo(r(300, "electricitymaps"));
    }

    @Test
    void theFirstValueHoldsBeforeItAndTheLastAfterIt() {
        IntensityTimeline timeline = new IntensityTimeline();
        timeline.record(10_000, r(200, "ukgrid"));
        timeline.record(20_000, r(100, "ukgrid"));
        assertThat(timeline.at(0).gramsPerKwh()).isEqualTo(200);
        assertThat(timeline.at(99_000).gramsPerKwh()).isEqualTo(100);
        assertThat(timeline.over(0, 20_000).gramsPerKwh()).isEqualTo(200);
        assertThat(timeline.over(5_000, 5_000).gramsPerKwh()).isEqualTo(200);
    }

    @Test
    void outOfOrderPointsAreSortedAndRepeatsCollapse() {
        IntensityTimeline timeline = new IntensityTimeline();
        timeline.record(3_000, r(30, "a"));
        timeline.record(1_000, r(10, "a"));
        timeline.record(4_000, r(30, "a"));
        assertThat(timeline.at(2_000).gramsPerKwh()).isEqualTo(10);
        assertThat(timeline.over(1_000, 5_000).gramsPerKwh()).isCloseTo((2000 * 10 + 2000 * 30) / 4000.0, within(1e-9));
    }

    @Test
    void keepsABoundedNumberOfPoints() {
        IntensityTimeline timeline = new IntensityTimeline();
        for (int i = 0; i < IntensityTimeline.MAX_POINTS + 100; i++) {
            timeline.record(i * 1000L, r(i % 2 == 0 ? 10 : 20, "s"));
        }
        // the oldest 100 points are gone, so the first kept point (index 100, value 10) extends backwards
        assertThat(timeline.at(0).gramsPerKwh()).isEqualTo(10);
        assertThat(timeline.at(101_500).gramsPerKwh()).isEqualTo(20);
    }

    @Test
    void rejectsBackwardsSpansAndEmptyTimelines() {
        IntensityTimeline timeline = new IntensityTimeline();
        assertThatThrownBy(() -> timeline.over(0, 1)).isInstanceOf(IllegalStateException.class);
        timeline.record(0, r(1, "s"));
        assertThatThrownBy(() -> timeline.over(5, 4)).hasMessageContaining("5 > 4");
        assertThatThrownBy(() -> r(-1, "s")).hasMessageContaining("-1");
        assertThatThrownBy(() -> r(Double.NaN, "s")).hasMessageContaining("NaN");
    }
}
