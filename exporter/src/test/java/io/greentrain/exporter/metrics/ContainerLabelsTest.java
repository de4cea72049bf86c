package io.greentrain.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

    @Test
    void aContainerJvmLabelsEverySeriesWithItsOneIdAndAPlainJvmWithNothing() {
        assertThat(ContainerLabels.commonTags("")).isEmpty();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().commonTags(ContainerLabels.commonTags("3f6b2f8c1d9e"));
        Counter counter = registry.counter("greentrain_test_total", "component", "cpu");
        assertThat(counter.getId().getTags()).contains(Tag.of("container_id", "3f6b2f8c1d9e"), Tag.of("component", "cpu"));
    }
}
