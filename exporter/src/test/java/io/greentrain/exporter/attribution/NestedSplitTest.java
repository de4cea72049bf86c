package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NestedSplitTest {

    @Test
    void runsOnTheirOwnKeepTheirWholeShare() {
        assertThat(NestedSplit.shares(new int[] {-1, -1}, new double[] {1, 0.3})).containsExactly(1, 1);
    }

    @Test
    void aChildGetsThePartItRanAndItsParentTheRest() {
        double[] shares = NestedSplit.shares(new int[] {-1, 0}, new double[] {1, 0.8});
        assertThat(shares[0]).isCloseTo(0.2, within(1e-12));
        assertThat(shares[1]).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void concurrentChildrenTakeTheParentsShareBetweenThemByPresence() {
        double[] shares = NestedSplit.shares(new int[] {-1, 0, 0}, new double[] {1, 1, 0.5});
        assertThat(shares[0]).isZero();
        assertThat(shares[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(shares[2]).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void theRuleAppliesAgainBelowAChildAndEachFamilySumsToOne() {
        // block 0 > block 1 (0.5 of the interval) > fit 2 (0.4 of it); run 3 stands alone
        double[] shares = NestedSplit.shares(new int[] {-1, 0, 1, -1}, new double[] {1, 0.5, 0.4, 1});
        assertThat(shares[0]).isCloseTo(0.5, within(1e-12));
        assertThat(shares[1]).isCloseTo(0.5 * 0.6, within(1e-12));
        assertThat(shares[2]).isCloseTo(0.5 * 0.4, within(1e-12));
        assertThat(shares[0] + shares[1] + shares[2]).isCloseTo(1, within(1e-12));
        assertThat(shares[3]).isEqualTo(1);
    }

    @Test
    void rejectsAParentOutOfRangeOrALoopNamingTheRun() {
        assertThatThrownBy(() -> NestedSplit.shares(new int[] {-1, 5}, new double[] {1, 1})).hasMessageContaining("run 1 has parent 5");
        assertThatThrownBy(() -> NestedSplit.shares(new int[] {1, 0}, new double[] {1, 1})).hasMessageContaining("cycle");
        assertThatThrownBy(() -> NestedSplit.shares(new int[] {-1}, new double[] {1, 1})).hasMessageContaining("1 != 2");
    }
}
