package io.greentrain.exporter.sensors;

import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A cgroup v2's cumulative CPU time from its {@code cpu.stat}, in nanoseconds: the {@code usage_usec} line, which the
 * kernel always prints first ({@code usage_usec N\nuser_usec N\nsystem_usec N\n...}, cgroup_base_stat_cputime_show).
 * It counts every task of the cgroup and its children, from the scheduler's exact runtime, not ticks.
 *
 * <p>Read by {@link #refresh()}, which says whether it worked; {@link #getAsLong()} is the last good reading, so the
 * {@link ProcessCpuShare} fed from it sees no change while the file cannot be read. A failure is one
 * {@code greentrain:} problem line, counted under {@code cgroup/read_failed}.
 */
final class CgroupCpuUsage implements LongSupplier {

    private static final String USAGE = "usage_usec";

    private final Path cpuStat;
    private final SysfsReader reader;
    private long latestNanos = -1;

    CgroupCpuUsage(Path cpuStat, SysfsReader reader) {
        this.cpuStat = Objects.requireNonNull(cpuStat, "cpuStat");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Reads the file now; false (after the problem line) when it cannot be read, the last reading then stays. */
    boolean refresh() {
        try {
            latestNanos = parse(reader.readLine(cpuStat)) * 1_000L;
            return true;
        } catch (IOException | RuntimeException e) {
            AgentLog.problem("cgroup", "read_failed", "cannot read usage_usec from " + cpuStat + " (" + e.getClass().getSimpleName()
                    + "); the container's share of the host's energy keeps its last value");
            return false;
        }
    }

    /** The last good reading in ns; -1 before any. */
    @Override
    public long getAsLong() {
        return latestNanos;
    }

    /** The microseconds of a {@code usage_usec N} line. */
    static long parse(String firstLine) throws IOException {
        String line = firstLine.trim();
        if (!line.startsWith(USAGE + " ")) {
            throw new IOException("first line of cpu.stat is not usage_usec: '" + line + "'");
        }
        try {
            long usec = Long.parseLong(line.substring(USAGE.length()).trim());
            if (usec < 0) {
                throw new IOException("negative usage_usec: " + usec);
            }
            return usec;
        } catch (NumberFormatException e) {
            throw new IOException("usage_usec is not a number: '" + line + "'", e);
        }
    }
}
