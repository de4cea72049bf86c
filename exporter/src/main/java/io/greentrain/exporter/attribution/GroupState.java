package io.greentrain.exporter.attribution;

/** An open group of runs. Guarded by the {@link RunAttributor}'s lock. */
final class GroupState {

    final String key;
    final String groupId;
    final String name;
    int runs;
    int openRuns;
    long lastActivityNanos;
    boolean closed;

    GroupState(String key, String groupId, String name, long nowNanos) {
        this.key = key;
        this.groupId = groupId;
        this.name = name;
        this.lastActivityNanos = nowNanos;
    }
}
