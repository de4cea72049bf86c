package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuPowerEstimateTest {

    private static final CpuTdpTable TABLE = CpuTdpTable.load();

    @Test
    void tableIsTheShippedCodecarbonTable() {
        assertThat(TABLE.size()).isGreaterThan(4800);
    }

    @Test
    void shippedKeysAreWhatNormalizeGives() {
        // the resource stores normalized names (derive_cpu_tdp.py); a drift between script and Java would break lookups
        assertThat(TABLE.names()).allSatisfy(key -> assertThat(CpuTdpTable.normalize(key)).isEqualTo(key));
        assertThat(CpuTdpTable.normalize("AMD Ryzen 5 3500 Processor (OEM Only)")).isEqualTo("amd ryzen 5 3500");
        assertThat(CpuTdpTable.normalize("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz")).isEqualTo("intel xeon gold 6248");
    }

    @Test
    void osModelStringsMatchTableNames() {
        assertThat(TABLE.lookup("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz")).get()
                .satisfies(m -> assertThat(m.wattsPerSocket()).isEqualTo(300));
        assertThat(TABLE.lookup("AMD EPYC 7763 64-Core Processor")).get()
                .satisfies(m -> assertThat(m.wattsPerSocket()).isEqualTo(280));
        assertThat(TABLE.lookup("11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz")).get()
                .satisfies(m -> assertThat(m.wattsPerSocket()).isEqualTo(28));
        assertThat(TABLE.lookup("Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz")).get()
                .satisfies(m -> assertThat(m.wattsPerSocket()).isEqualTo(120));
        assertThat(TABLE.lookup("Intel Celeron 1000A")).get()
                .satisfies(m -> assertThat(m.wattsPerSocket()).as("range 27-29.5 W, midpoint").isEqualTo(28.25));
    }

    @Test
    void vagueOrUnknownModelsMatchNothing() {
        assertThat(TABLE.lookup("AMD EPYC")).isEmpty();
        assertThat(TABLE.lookup("QEMU Virtual CPU version 2.5+")).isEmpty();
        assertThat(TABLE.lookup("")).isEmpty();
    }

    @Test
    void tdpComesFromConfigurationThenTableThenPerThreadDefault() {
        CpuModel xeon = new CpuModel("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", 2, 128);
        assertThat(CpuPowerEstimate.forHost(xeon, TABLE, 150).tdpWatts()).isEqualTo(300);
        assertThat(CpuPowerEstimate.forHost(xeon, TABLE, 0).tdpWatts()).isEqualTo(600);
        CpuPowerEstimate unknown = CpuPowerEstimate.forHost(new CpuModel("AMD EPYC", 1, 2), TABLE, 0);
        assertThat(unknown.tdpWatts()).isEqualTo(2 * CpuPowerEstimate.DEFAULT_WATTS_PER_THREAD);
        assertThat(unknown.basis()).contains("not in the TDP table").contains("4 W x 2 threads");
    }

    @Test
    void powerIsLinearInLoadAboveAnIdleFloor() {
        CpuPowerEstimate estimate = CpuPowerEstimate.forHost(new CpuModel("x", 1, 1), TABLE, 100);
        assertThat(estimate.watts(0)).isCloseTo(10, within(1e-9));
        assertThat(estimate.watts(0.5)).isCloseTo(55, within(1e-9));
        assertThat(estimate.watts(1)).isCloseTo(100, within(1e-9));
        assertThat(estimate.watts(7)).isCloseTo(100, within(1e-9));
        assertThat(estimate.watts(Double.NaN)).isCloseTo(10, within(1e-9));
    }

    @Test
    void estimateSensorsIntegratePowerOverTime() {
        CpuEstimateSensor cpu = new CpuEstimateSensor(CpuPowerEstimate.forHost(new CpuModel("x", 1, 1), TABLE, 100));
        DramEstimateSensor dram = new DramEstimateSensor(0.375, 16L << 30);
        SampleFrame frame = SampleFrame.forChannels(2);
        frame.begin(0, 2_000_000_000L, true, 0.5);
        cpu.read(frame, 0);
        dram.read(frame, 1);
        assertThat(frame.hostJoules(0)).isCloseTo(55 * 2, within(1e-9));
        assertThat(frame.hostJoules(1)).isCloseTo(0.375 * 16 * 2, within(1e-9));
        assertThat(cpu.channels().get(0).source()).isEqualTo(EnergySource.ESTIMATE);
        assertThat(dram.channels().get(0).detail()).contains("0.375 W/GB x 16.0 GB installed = 6.0 W");
    }

    @Test
    void rejectsBadInputNamingTheValue() {
        assertThatThrownBy(() -> CpuPowerEstimate.forHost(new CpuModel("x", 1, 1), TABLE, -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> new DramEstimateSensor(0, 1)).hasMessageContaining("0.0");
        assertThatThrownBy(() -> new CpuModel("x", 0, 1)).hasMessageContaining("0");
    }

    @Test
    void cpuinfoGivesNameSocketsAndThreads() {
        CpuModel model = CpuModel.fromCpuinfo(java.util.List.of(
                "processor\t: 0", "model name\t: AMD EPYC 7763 64-Core Processor", "physical id\t: 0",
                "processor\t: 1", "model name\t: AMD EPYC 7763 64-Core Processor", "physical id\t: 1",
                "processor\t: 2", "physical id\t: 1"));
        assertThat(model.name()).isEqualTo("AMD EPYC 7763 64-Core Processor");
        assertThat(model.sockets()).isEqualTo(2);
        assertThat(model.logicalCpus()).isEqualTo(3);
    }

    private static CpuId cpuid(String... cpuinfo) {
        return CpuId.parse(java.util.List.of(cpuinfo), "", "");
    }

    @Test
    void aGenericNameInAVmIsPricedPerVcpuByItsCpuidArchitecture() {
        // this build VM: "AMD EPYC", family 25 model 1 (Zen 3, Milan), hypervisor bit, 2 vCPUs
        CpuId milan = cpuid("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model\t\t: 1",
                "model name\t: AMD EPYC", "stepping\t: 1", "flags\t\t: fpu sse avx2 hypervisor", "processor\t: 1");
        CpuPowerEstimate estimate = CpuPowerEstimate.forHost(new CpuModel("AMD EPYC", 1, 2), TABLE, 0, milan);
        assertThat(estimate.tdpWatts()).isCloseTo(2 * 1.957, within(1e-9));
        assertThat(estimate.basis()).contains("rule: virtual machine").contains("EPYC 3rd Gen (Zen 3)").contains("1.957 W per vCPU")
                .contains("x 2 vCPUs").contains("greentrain.estimate.cpu.watts");
    }

    @Test
    void intelModel85IsCascadeLakeWithVnniAndSkylakeWithout() {
        String[] base = {"processor\t: 0", "vendor_id\t: GenuineIntel", "cpu family\t: 6", "model\t\t: 85",
                "model name\t: Intel(R) Xeon(R) Processor"};
        CpuId cascade = CpuId.parse(java.util.List.of(base[0], base[1], base[2], base[3], base[4], "flags\t\t: avx512f avx512_vnni hypervisor"), "", "");
        CpuId skylake = CpuId.parse(java.util.List.of(base[0], base[1], base[2], base[3], base[4], "flags\t\t: avx512f hypervisor"), "", "");
        CpuModel vm = new CpuModel("Intel(R) Xeon(R) Processor", 1, 4);
        assertThat(CpuPowerEstimate.forHost(vm, TABLE, 0, cascade).tdpWatts()).isCloseTo(4 * 4.063, within(1e-9));
        assertThat(CpuPowerEstimate.forHost(vm, TABLE, 0, skylake).tdpWatts()).isCloseTo(4 * 4.104, within(1e-9));
    }

    @Test
    void armNeoverseN1IsGraviton2AndAnUnknownVmTakesTheCcfAverage() {
        CpuId n1 = cpuid("processor\t: 0", "Features\t: fp asimd", "CPU implementer\t: 0x41", "CPU part\t: 0xd0c");
        assertThat(CpuPowerEstimate.forHost(new CpuModel("", 1, 2), TABLE, 0, n1).basis()).contains("Graviton2");
        CpuId odd = cpuid("processor\t: 0", "vendor_id\t: GenuineIntel", "cpu family\t: 6", "model\t\t: 1", "flags\t\t: hypervisor");
        CpuPowerEstimate average = CpuPowerEstimate.forHost(new CpuModel("Common KVM processor", 1, 2), TABLE, 0, odd);
        assertThat(average.tdpWatts()).isCloseTo(7.0, within(1e-9));
        assertThat(average.basis()).contains("not a known architecture");
        CpuPowerEstimate bare = CpuPowerEstimate.forHost(new CpuModel("Mystery CPU", 1, 2), TABLE, 0, CpuId.UNKNOWN);
        assertThat(bare.basis()).contains("default 4 W x 2 threads");
    }

    @Test
    void theConfiguredWattsStillWin() {
        CpuId milan = cpuid("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model\t\t: 1", "flags\t\t: hypervisor");
        assertThat(CpuPowerEstimate.forHost(new CpuModel("AMD EPYC", 1, 2), TABLE, 9, milan).tdpWatts()).isEqualTo(9.0);
    }
}
