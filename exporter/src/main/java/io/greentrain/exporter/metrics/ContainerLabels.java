package io.greentrain.exporter.metrics;

import io.micrometer.core.instrument.Tag;
import java.util.List;

/**
 * The label every GreenTrain series carries in a container: {@code container_id}, the 12-hex id the runtime shows
 * ({@code docker ps}, {@code crictl ps}). Bounded: one value per JVM for its whole life (a process does not change
 * containers), so it adds no series beyond those the {@code instance} label already makes; a restarted container is a
 * new JVM with a new id, as it is a new {@code instance}. Outside a container, or where no id is found, there is none.
 */
public final class ContainerLabels {

    public static final String CONTAINER_ID = "container_id";

    private ContainerLabels() {
    }

    /** The common tag for this JVM's meters: none when {@code containerId} is empty. */
    public static List<Tag> commonTags(String containerId) {
        return containerId.isEmpty() ? List.of() : List.of(Tag.of(CONTAINER_ID, containerId));
    }
}
