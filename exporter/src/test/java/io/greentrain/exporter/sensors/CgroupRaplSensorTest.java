package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that sees the host's powercap tree, on fixture trees in the kernel's layouts: {@code intel-rapl:0/energy_uj}
 * with {@code max_energy_range_uj} (and a wrap), a cgroup v2 mount with {@code cgroup.controllers} and {@code cpu.stat}
 * ({@code usage_usec N\nuser_usec N\nsystem_usec N...}), {@code /proc/self/cgroup} {@code 0::/} and {@code /proc/stat}.
 * Shares are exact: host busy time in whole ticks, container and process times in whole microseconds.
 */
class CgroupRaplSensorTest {

    /** Intel's usual package range, about 262 kJ. */
    private static final long RANGE = 262_143_328_850L;

    @TempDir
    Path dir;

    private PowercapFixture powercap;
    private Path cgroupMount;
    private Path procSelfCgroup;
    private Path procStat;
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final AtomicLong processCpu = new AtomicLong(7_000_000_000L);
    private long busyTicks = 500_000;
    private long idleTicks = 900_000;
    private long containerUsec = 40_000_000;

    @BeforeEach
    void trees() throws Exception {
        // the package 40 J below its wrap, so the second interval wraps
        powercap = new PowercapFixture(Files.createDirectories(dir.resolve("sys/class/powercap")))
                .zone("intel-rapl:0", "package-0", RANGE - 40_000_000, RANGE)
                .zone("intel-rapl:0:0", "dram", 3_000_000, RANGE);
        cgroupMount = Files.createDirectories(dir.resolve("sys/fs/cgroup"));
        Files.writeString(cgroupMount.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        procSelfCgroup = Files.createDirectories(dir.resolve("proc/self")).resolve("cgroup");
        Files.writeString(procSelfCgroup, "0::/\n");
        Files.writeString(dir.resolve("proc/self/mountinfo"), "715 701 254:1 /var/lib/docker/containers/"
                + "9c2e4b7a1f3d5e6c8b0a2d4f6e8c1a3b5d7f9e0c2a4b6d8f1e3c5a7b9d0f2e4c/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw\n");
        procStat = dir.resolve("proc/stat");
        writeCounters();
    }

    private void writeCounters() throws Exception {
        // busy = user + nice + system + irq + softirq (ProcStatCpuTimes); guest is inside user
        long user = busyTicks - 1000;
        Files.writeString(procStat, "cpu  " + user + " 0 600 " + idleTicks + " 0 300 100 0 0 0\ncpu0 1 0 1 1 0 0 0 0 0 0\nintr 0\n");
        Files.writeString(cgroupMount.resolve("cpu.stat"), "usage_usec " + containerUsec + "\nuser_usec " + (containerUsec - 1000)
                + "\nsystem_usec 1000\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\nnr_bursts 0\nburst_usec 0\n");
    }

    /** One second: the host's packages draw {@code joules}, its CPUs are busy for {@code hostCpus} CPU-seconds, the container and process for theirs. */
    private void second(double joules, double hostCpus, double containerCpus, double processCpus) throws Exception {
        clock.addAndGet(1_000_000_000L);
        powercap.advance("intel-rapl:0", (long) (joules * 1e6));
        powercap.advance("intel-rapl:0:0", 10_000_000);
        busyTicks += (long) (hostCpus * 100);
        idleTicks += (long) ((8 - hostCpus) * 100);
        containerUsec += (long) (containerCpus * 1e6);
        processCpu.addAndGet((long) (processCpus * 1e9));
        writeCounters();
    }

    private ContainerCgroup cgroup() {
        return ContainerCgroup.detect(cgroupMount, procSelfCgroup, dir.resolve("proc/self/mountinfo"));
    }

    private SensorSet containerSensors() throws Exception {
        ProcessCpuShare processShare = new ProcessCpuShare(processCpu::get, new ProcStatCpuTimes(procStat), clock::get);
        RaplSensor rapl = new RaplSensor(new RaplZoneDiscovery(List.of(powercap.root()), SysfsReader.DIRECT).select(), SysfsReader.DIRECT);
        CgroupRaplSensor sensor = CgroupRaplSensor.attribute(rapl, cgroup(), processShare, SysfsReader.DIRECT, clock::get).orElseThrow();
        return new SensorSet(List.of(sensor), List.of(), processShare, new ResidentMemoryShare(() -> 1L << 30, 16L << 30));
    }

    @Test
    void theContainerGetsItsCpuStatShareAndTheProcessWhatPlainRaplWouldChargeIt() throws Exception {
        EnergySampler sampler = new EnergySampler(containerSensors(), Duration.ofSeconds(1), clock::get, () -> 0L);
        assertThat(sampler.channels()).extracting(c -> c.component().label() + "/" + c.source().label())
                .containsExactly("cpu/rapl-cgroup", "dram/rapl");

        second(100, 4, 1, 0.5); // container 1 of the host's 4 busy CPUs, the process half of the container
        EnergySnapshot first = sampler.tick();
        assertThat(first.hostJoules(0)).as("container cpu: 100 J x 1/4").isCloseTo(25, within(1e-9));
        assertThat(first.processJoules(0)).as("process: 25 J x 0.5/1 = 100 J x 0.5/4, not 100 x 1/4 x 0.5/4")
                .isCloseTo(12.5, within(1e-9));

        second(100, 4, 2, 1); // the package counter wraps through max_energy_range_uj in this second
        EnergySnapshot second = sampler.tick();
        assertThat(second.hostJoules(0)).as("the wrapped 100 J, half of it the container's").isCloseTo(25 + 50, within(1e-9));
        assertThat(second.processJoules(0)).isCloseTo(12.5 + 25, within(1e-9));

        assertThat(second.hostJoules(1)).as("dram stays the host's: CPU time says nothing of memory").isCloseTo(20, within(1e-9));
        assertThat(second.processJoules(1)).as("shared by resident memory as before").isCloseTo(20.0 / 16, within(1e-9));
        sampler.close();
    }

    @Test
    void theContainerNeverGetsLessThanItsOwnProcess() throws Exception {
        EnergySampler sampler = new EnergySampler(containerSensors(), Duration.ofSeconds(1), clock::get, () -> 0L);
        second(80, 4, 0.5, 1); // cpu.stat read before the process's clock moved: the container looks smaller than the process
        EnergySnapshot snapshot = sampler.tick();
        assertThat(snapshot.hostJoules(0)).as("80 J x the process's 1/4").isCloseTo(20, within(1e-9));
        assertThat(snapshot.processJoules(0)).isCloseTo(20, within(1e-9));
        sampler.close();
    }

    @Test
    void anUnreadableCpuStatKeepsTheLastShareAndIsOneCountedProblem() throws Exception {
        EnergySampler sampler = new EnergySampler(containerSensors(), Duration.ofSeconds(1), clock::get, () -> 0L);
        second(100, 4, 2, 1);
        assertThat(sampler.tick().hostJoules(0)).isCloseTo(50, within(1e-9));

        second(100, 4, 2, 1);
        Files.writeString(cgroupMount.resolve("cpu.stat"), "nr_periods 0\n"); // not the kernel's first line
        EnergySnapshot snapshot = sampler.tick();
        assertThat(snapshot.hostJoules(0)).as("the last window's share, 1/2").isCloseTo(100, within(1e-9));
        assertThat(AgentLog.problemCounts().get("cgroup\u0000read_failed")).isNotNull();

        second(100, 4, 1, 1);
        writeCounters(); // readable again: the window spans both seconds, 3 of the host's 8 busy CPU-seconds
        assertThat(sampler.tick().hostJoules(0)).isCloseTo(100 + 100 * 3.0 / 8, within(1e-9));
        sampler.close();
    }

    @Test
    void cpuStatsUsageLineIsParsedAndAnythingElseRefused() throws Exception {
        assertThat(CgroupCpuUsage.parse("usage_usec 987654321")).isEqualTo(987_654_321L);
        CgroupCpuUsage usage = new CgroupCpuUsage(cgroupMount.resolve("cpu.stat"), SysfsReader.DIRECT);
        assertThat(usage.refresh()).isTrue();
        assertThat(usage.getAsLong()).isEqualTo(40_000_000_000L);
        Files.writeString(cgroupMount.resolve("cpu.stat"), "");
        assertThat(usage.refresh()).isFalse();
        assertThat(usage.getAsLong()).as("the last good reading stays").isEqualTo(40_000_000_000L);
        for (String bad : new String[] {"user_usec 5", "usage_usec", "usage_usec -3", "usage_usec 12x"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CgroupCpuUsage.parse(bad)).isInstanceOf(java.io.IOException.class);
        }
        CgroupCpuUsage missing = new CgroupCpuUsage(dir.resolve("missing/cpu.stat"), SysfsReader.DIRECT);
        assertThat(missing.refresh()).isFalse();
        assertThat(missing.getAsLong()).isEqualTo(-1);
    }

    @Test
    void detectionUsesRaplCgroupInAContainerAndSaysWhyInItsNotes() throws Exception {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, powercap.root().toString()).with(Options.GPU_ENABLED, false);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime,
                new CpuModel("Intel(R) Xeon(R) Gold 6230", 1, 40), CpuId.UNKNOWN, cgroup());
        assertThat(sensors.sensors()).singleElement().isInstanceOf(CgroupRaplSensor.class);
        SensorDiagnosis cpu = sensors.diagnoses().get(0);
        assertThat(cpu.source()).isEqualTo(EnergySource.RAPL_CGROUP);
        assertThat(cpu.notes()).anySatisfy(note -> assertThat(note).contains("powercap at [" + powercap.root() + "]")
                .contains("cgroup v2 at " + cgroupMount).contains("container 9c2e4b7a1f3d").contains("cpu.stat usage_usec"));
        assertThat(sensors.diagnoses().get(1).source()).isEqualTo(EnergySource.RAPL);
        sensors.close();
    }

    @Test
    void aCgroupRootTheUserNamedThatIsNoCgroupV2MountIsOneProblemLineEvenWithoutRapl() throws Exception {
        Path wrong = dir.resolve("no-such-cgroup");
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.resolve("no-powercap").toString())
                .with(Options.HYPERVISOR_ROOT, "").with(Options.CGROUP_ROOT, wrong.toString()).with(Options.GPU_ENABLED, false);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime,
                new CpuModel("Intel(R) Xeon(R) Gold 6230", 1, 40), CpuId.UNKNOWN, ContainerCgroup.detect(wrong, procSelfCgroup,
                        dir.resolve("proc/self/mountinfo")));
        assertThat(AgentLog.problemCounts().get("cgroup\u0000not_found")).as("counted once under cgroup/not_found").isNotNull();
        assertThat(sensors.diagnoses().get(0).source()).isEqualTo(EnergySource.ESTIMATE);
        sensors.close();
    }

    @Test
    void onABareHostTheRaplFigureStaysTheHostsWithANote() throws Exception {
        Files.writeString(procSelfCgroup, "0::/user.slice/user-1000.slice/session-2.scope\n");
        Files.writeString(dir.resolve("proc/self/mountinfo"), "");
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, powercap.root().toString()).with(Options.GPU_ENABLED, false);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime,
                new CpuModel("Intel(R) Xeon(R) Gold 6230", 1, 40), CpuId.UNKNOWN, cgroup());
        assertThat(sensors.sensors()).singleElement().isInstanceOf(RaplSensor.class);
        assertThat(sensors.diagnoses().get(0).source()).isEqualTo(EnergySource.RAPL);
        assertThat(sensors.diagnoses().get(0).notes()).anySatisfy(note -> assertThat(note).contains("container attribution not used")
                .contains("not a container's"));
        sensors.close();
    }
}
