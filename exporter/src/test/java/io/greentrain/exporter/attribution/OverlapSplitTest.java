package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OverlapSplitTest {

    @Test
    void ownThreadCpuPlusAnEqualPartOfWhatNoThreadExplains() {
        // threads used 600 and 200 ms; the process 2000 ms (native pools): 1200 ms unexplained, 600 each
        double[] shares = OverlapSplit.cpuShares(new long[] {600, 200}, 2000);
        assertThat(shares[0]).isCloseTo(1200.0 / 2000, within(1e-12));
        assertThat(shares[1]).isCloseTo(800.0 / 2000, within(1e-12));
    }

    @Test
    void unknownThreadTimesGetOnlyTheEqualPart() {
        double[] shares = OverlapSplit.cpuShares(new long[] {-1, 300, -1}, 600);
        assertThat(shares).containsExactly(new double[] {100.0 / 600, 400.0 / 600, 100.0 / 600}, within(1e-12));
    }

    @Test
    void noCpuAtAllIsAnEqualSplit() {
        assertThat(OverlapSplit.cpuShares(new long[] {0, 0, 0, 0}, 0)).containsOnly(0.25);
    }

    @Test
    void sharesAlwaysSumToOne() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 1000; round++) {
            long[] threads = new long[1 + random.nextInt(8)];
            for (int k = 0; k < threads.length; k++) {
                threads[k] = random.nextInt(10) == 0 ? -1 : random.nextInt(1_000_000);
            }
            double sum = Arrays.stream(OverlapSplit.cpuShares(threads, random.nextInt(3_000_000))).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
        assertThat(Arrays.stream(OverlapSplit.equalShares(3)).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rejectsNoCalls() {
        assertThatThrownBy(() -> OverlapSplit.cpuShares(new long[0], 5)).hasMessageContaining("length 0");
        assertThatThrownBy(() -> OverlapSplit.equalShares(0)).hasMessageContaining("n=0");
    }
}
