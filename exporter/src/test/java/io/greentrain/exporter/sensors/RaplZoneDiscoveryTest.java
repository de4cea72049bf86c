package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplZoneDiscoveryTest {

    private static final long RANGE = 262_143_328_850L;

    @TempDir
    Path dir;

    private static List<String> ids(List<RaplZone> zones) {
        return zones.stream().map(RaplZone::id).collect(Collectors.toList());
    }

    @Test
    void twoSocketsUsePackagesAndTheirDramZonesOnly() {
        PowercapFixture.twoSockets(dir, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(selection.usable()).isTrue();
        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl:0", "intel-rapl:1");
        assertThat(ids(selection.dramZones())).containsExactly("intel-rapl:0:0", "intel-rapl:1:0");
        assertThat(selection.dramInsideCpu()).isFalse();
        assertThat(String.join("\n", selection.notes()))
                .contains("intel-rapl-mmio:0 (package-0): the same meter as intel-rapl:0 (package-0) through the MMIO interface")
                .contains("intel-rapl:2 (psys): the platform zone contains the packages")
                .contains("intel-rapl:0:1 (core): part of its package");
    }

    @Test
    void zonesShownFlatAndNestedAreOneZone() {
        PowercapFixture.twoSockets(dir, RANGE);
        // both the flat link intel-rapl:0:0 and the nested intel-rapl:0/intel-rapl:0:0 exist
        assertThat(Files.isSymbolicLink(dir.resolve("intel-rapl:0:0"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("intel-rapl:0").resolve("intel-rapl:0:0"))).isTrue();

        List<RaplZone> zones = new RaplZoneDiscovery(List.of(dir, dir.resolve("intel-rapl:0")), SysfsReader.DIRECT).findZones();

        assertThat(ids(zones)).containsExactly("intel-rapl:0", "intel-rapl:0:0", "intel-rapl:0:1", "intel-rapl:1", "intel-rapl:1:0",
                "intel-rapl:2", "intel-rapl-mmio:0");
        assertThat(zones.get(1).parentId()).isEqualTo("intel-rapl:0");
        assertThat(zones.get(0).maxEnergyRangeMicrojoules()).isEqualTo(RANGE);
    }

    @Test
    void kernelLayoutWithControlTypeDirectoryIsFound() throws Exception {
        // /sys/devices/virtual/powercap/intel-rapl/intel-rapl:0/intel-rapl:0:0
        Path virtual = Files.createDirectories(dir.resolve("intel-rapl"));
        new PowercapFixture(virtual).zone("intel-rapl:0", "package-0", 10, RANGE).zone("intel-rapl:0:0", "dram", 20, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl:0");
        assertThat(ids(selection.dramZones())).containsExactly("intel-rapl:0:0");
    }

    @Test
    void psysIsUsedOnlyWithoutPackagesAndThenCoversDram() {
        new PowercapFixture(dir).zone("intel-rapl:0", "psys", 5, RANGE).zone("intel-rapl:1", "dram", 6, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl:0");
        assertThat(selection.dramZones()).isEmpty();
        assertThat(selection.dramInsideCpu()).isTrue();
    }

    @Test
    void mirroredDieCountersOfOneSocketCountOnce() {
        // multi-die AMD: every die shows the same socket counter (codecarbon #1274)
        new PowercapFixture(dir)
                .zone("intel-rapl:0", "package-0-die-0", 68_000_000, RANGE)
                .zone("intel-rapl:1", "package-0-die-1", 68_000_000, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl:0");
        assertThat(selection.notes()).anyMatch(n -> n.contains("intel-rapl:1 (package-0-die-1): mirrors the counter of intel-rapl:0"));
    }

    @Test
    void distinctDieCountersAreAllSummed() {
        // multi-die Intel (Cascade Lake-AP): each die has its own counter
        new PowercapFixture(dir)
                .zone("intel-rapl:0", "package-0-die-0", 68_000_000, RANGE)
                .zone("intel-rapl:1", "package-0-die-1", 71_000_000, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl:0", "intel-rapl:1");
    }

    @Test
    void mmioZoneIsUsedWhenItsMsrTwinCannotBeRead() throws Exception {
        PowercapFixture fixture = new PowercapFixture(dir)
                .zone("intel-rapl:0", "package-0", 10, RANGE)
                .zone("intel-rapl-mmio:0", "package-0", 11, RANGE);
        Path energy = fixture.zoneDirectory("intel-rapl:0").resolve("energy_uj");
        Files.delete(energy);
        Files.createDirectory(energy);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(selection.usable()).isTrue();
        assertThat(ids(selection.cpuZones())).containsExactly("intel-rapl-mmio:0");
    }

    @Test
    void noZonesIsAbsentWithTheDriverFix() {
        RaplSelection selection = new RaplZoneDiscovery(List.of(dir.resolve("missing")), SysfsReader.DIRECT).select();

        assertThat(selection.usable()).isFalse();
        assertThat(selection.problemReason()).isEqualTo(RaplSelection.ABSENT);
        assertThat(selection.fix()).contains("modprobe intel_rapl_msr").contains("greentrain.estimate.cpu.watts");
    }

    @Test
    void onlyCoreZonesIsAbsent() {
        new PowercapFixture(dir).zone("intel-rapl:0", "core", 1, RANGE);

        RaplSelection selection = new RaplZoneDiscovery(List.of(dir), SysfsReader.DIRECT).select();

        assertThat(selection.problemReason()).isEqualTo(RaplSelection.ABSENT);
        assertThat(selection.problem()).contains("no package or psys zone");
    }

    @Test
    void rejectsNoRoots() {
        assertThatThrownBy(() -> new RaplZoneDiscovery(List.of(), SysfsReader.DIRECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[]");
    }
}
