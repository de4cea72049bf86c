package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BudgetAllocationTest {

    @Test
    void splitsInProportionAndSumsToM() {
        assertThat(BudgetAllocation.allocate(new long[] {500, 300, 200}, 10, 0)).containsExactly(5, 3, 2);
        assertThat(BudgetAllocation.allocate(new long[] {1, 1, 1}, 2, 0)).containsExactly(1, 1, 0);
        int[] uneven = BudgetAllocation.allocate(new long[] {333, 333, 334}, 100, 1);
        assertThat(Arrays.stream(uneven).sum()).isEqualTo(100);
        assertThat(uneven).containsExactly(33, 33, 34);
    }

    @Test
    void givesSmallClassesTheirMinimumAndCapsAtTheClassSize() {
        assertThat(BudgetAllocation.allocate(new long[] {990, 10}, 20, 3)).containsExactly(17, 3);
        assertThat(BudgetAllocation.allocate(new long[] {990, 2}, 20, 3)).containsExactly(18, 2);
        assertThat(BudgetAllocation.allocate(new long[] {5, 5}, 10, 1)).containsExactly(5, 5);
    }
}
