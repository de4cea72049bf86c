package io.greentrain.exporter.sensors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The host's RAPL CPU energy attributed to this container (source {@code rapl-cgroup}): in a container that sees the
 * host's powercap tree (mounted read-only, {@code -v /sys/class/powercap:/sys/class/powercap:ro}), the package counters
 * are the whole machine's, so each interval's package energy is multiplied by the container's share of the host's busy
 * CPU time: its {@code cpu.stat} {@code usage_usec} increase ({@link CgroupCpuUsage}) over the busy time of
 * {@code /proc/stat} in the same window. The window rules are {@link ProcessCpuShare}'s (the container is to the host
 * what a process is, a CPU-time consumer), on the same {@link HostCpuTimes} the process share reads.
 *
 * <p>Composition without double scaling. The cpu channel's figure is the container's; this process's share of it is
 * then {@code process share / container share} (process CPU time over the container's), set per interval as the
 * channel's device share. So the process is charged {@code host x process/host}, exactly what plain RAPL charges it,
 * and the container figure is what an SRE sums across pods without counting the node's energy once per pod. The
 * container share is never below the process's own: the process is inside the container, and the two are read a few
 * microseconds apart, so without this a skewed read could give the process more than its container.
 *
 * <p>The {@code dram} channel, when the packages have one, stays the host's ({@code source=rapl}), shared by resident
 * memory over installed memory as before: CPU time says nothing of memory power.
 */
public final class CgroupRaplSensor implements EnergySensor {

    private final RaplSensor rapl;
    private final ProcessCpuShare processShare;
    private final CgroupCpuUsage usage;
    private final ProcessCpuShare containerShare;
    private final SampleFrame hostFrame;
    private final List<EnergyChannel> channels = new ArrayList<>();
    private double lastHostCpuJoules;
    private double containerCpuJoules;

    /** @param usage already {@linkplain CgroupCpuUsage#refresh() read} once, so the container's window starts from a real value */
    private CgroupRaplSensor(RaplSensor rapl, ProcessCpuShare processShare, CgroupCpuUsage usage, LongSupplier nanoClock, String cpuStat) {
        this.rapl = Objects.requireNonNull(rapl, "rapl");
        this.processShare = Objects.requireNonNull(processShare, "processShare");
        this.usage = usage;
        this.containerShare = new ProcessCpuShare(usage, processShare.hostCpuTimes(), nanoClock);
        List<EnergyChannel> host = rapl.channels();
        this.hostFrame = SampleFrame.forChannels(host.size());
        channels.add(new EnergyChannel(Component.CPU, EnergySource.RAPL_CGROUP, "", host.get(0).detail() + " x this container's share of"
                + " the host's busy CPU time (usage_usec of " + cpuStat + " / busy time of /proc/stat)", EnergyChannel.ShareRule.DEVICE));
        channels.addAll(host.subList(1, host.size()));
    }

    /**
     * The host's RAPL attributed to the container of {@code cgroup}, or empty when its {@code cpu.stat} cannot be read now.
     *
     * @param processShare the sensor set's own share (the sampler updates it before every read)
     */
    public static Optional<CgroupRaplSensor> attribute(RaplSensor rapl, ContainerCgroup cgroup, ProcessCpuShare processShare,
                                                       SysfsReader reader, LongSupplier nanoClock) {
        if (!cgroup.usable()) {
            return Optional.empty();
        }
        CgroupCpuUsage usage = new CgroupCpuUsage(cgroup.cpuStat(), reader);
        if (!usage.refresh()) {
            return Optional.empty();
        }
        return Optional.of(new CgroupRaplSensor(rapl, processShare, usage, nanoClock, cgroup.cpuStat().toString()));
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        hostFrame.begin(frame.nanoTime(), frame.elapsedNanos(), frame.isTick(), frame.hostCpuLoad());
        rapl.read(hostFrame, 0);
        // the same cadence the sampler gives the process share: full window on ticks, cheap reads at call boundaries.
        // An unreadable cpu.stat leaves the window open (the share stays), so once readable again the window spans
        // the gap in both the container's and the host's time, instead of a zero share now and a double one later.
        if (usage.refresh()) {
            if (frame.isTick() || !containerShare.hasClosedWindow()) {
                containerShare.update();
            } else {
                containerShare.refreshProcessCpu();
            }
        }
        double process = processShare.share();
        double container = Math.max(containerShare.share(), process);
        double delta = hostFrame.hostJoules(0) - lastHostCpuJoules;
        if (delta > 0) {
            lastHostCpuJoules = hostFrame.hostJoules(0);
            containerCpuJoules += delta * container;
        }
        frame.setHostJoules(firstChannel, containerCpuJoules);
        frame.setDeviceShare(firstChannel, container > 0 ? Math.min(1, process / container) : 0, false);
        for (int c = 1; c < channels.size(); c++) {
            frame.setHostJoules(firstChannel + c, hostFrame.hostJoules(c));
        }
    }

    /** The container's share of the host's busy CPU time in the latest window (before the floor at the process's share). */
    public double containerShare() {
        return containerShare.share();
    }

    @Override
    public long maxReadPeriodNanos() {
        return rapl.maxReadPeriodNanos();
    }

    @Override
    public void close() {
        rapl.close();
    }
}
