package io.greentrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GreenTrainTest {

    @Test
    void withoutTheAgentItOnlyRunsTheWork() throws Exception {
        assertThat(GreenTrain.measure("loop", () -> 42)).isEqualTo(42);
        AtomicInteger runs = new AtomicInteger();
        GreenTrain.run("loop", runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void exceptionsPassThroughUnchanged() {
        IOException failure = new IOException("disk");
        assertThatThrownBy(() -> GreenTrain.measure("loop", () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void badInputNamesTheBadValue() {
        assertThatThrownBy(() -> GreenTrain.run(" ", () -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("' '");
        assertThatThrownBy(() -> GreenTrain.run(null, () -> { })).hasMessageContaining("null");
        assertThatThrownBy(() -> GreenTrain.run("loop", null)).hasMessageContaining("'loop'");
    }
}
