package io.greentrain.exporter.attribution;

import java.util.Objects;

/**
 * A group of runs ended (a cross-validation or search over the same data, or a named {@code GreenTrain.startGroup}
 * scope). Its totals are the sums of its runs' records, which were delivered before this.
 */
public final class GroupEnd {

    private final String groupId;
    private final String groupName;
    private final int runs;

    public GroupEnd(String groupId, String groupName, int runs) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.groupName = Objects.requireNonNull(groupName, "groupName");
        if (runs < 0) {
            throw new IllegalArgumentException("runs must be >= 0: " + runs);
        }
        this.runs = runs;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    /** Runs that belonged to the group. */
    public int runs() {
        return runs;
    }
}
