package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NvmlSensor} against the NVML test double (no GPU on this machine): the double is loaded
 * through the real JNA binding {@link NvmlLibrary}, so signatures, struct offsets and return codes are
 * exercised; only the hardware's answers are scripted.
 */
class NvmlSensorTest {

    private static final int OWN_PID = 4242;
    private static final int OTHER_VISIBLE = 5151;
    private static final int HOST_PID = 777777;

    private NvmlTestDouble gpu;
    private String library;

    @BeforeEach
    void loadDouble() {
        gpu = NvmlTestDouble.load();
        library = NvmlTestDouble.library().toString();
        gpu.gtd_reset(2);
    }

    private NvmlSensor.Opening open(String cudaVisibleDevices) {
        return NvmlSensor.open(NvmlLibrary.load(library), library, cudaVisibleDevices, OWN_PID, pid -> pid == OTHER_VISIBLE);
    }

    private static SampleFrame read(NvmlSensor sensor, long elapsedNanos, boolean tick) {
        SampleFrame frame = SampleFrame.forChannels(sensor.channels().size());
        frame.begin(0, elapsedNanos, tick, 0);
        sensor.read(frame, 0);
        return frame;
    }

    @Test
    void energyCounterDeltasPerDeviceInJoules() {
        gpu.gtd_add_energy(0, 5_000_000); // energy since driver load is not ours
        NvmlSensor.Opening opening = open(null);
        NvmlSensor sensor = opening.sensor();
        assertThat(opening.diagnosis().source()).isEqualTo(EnergySource.NVML);
        assertThat(sensor.channels()).extracting(EnergyChannel::device).containsExactly("0", "1");
        assertThat(sensor.channels().get(0).detail()).contains("NVML Test Double GPU 0").contains("GPU-00000000").contains("energy counter");

        gpu.gtd_add_energy(0, 250_000);  // 250 J
        gpu.gtd_add_energy(1, 1_500);    // 1.5 J
        SampleFrame frame = read(sensor, 1_000_000_000L, false);

        assertThat(frame.hostJoules(0)).isCloseTo(250, within(1e-9));
        assertThat(frame.hostJoules(1)).isCloseTo(1.5, within(1e-9));
        sensor.close();
        sensor.close();
        assertThat(gpu.gtd_shutdown_calls()).isEqualTo(1);
    }

    @Test
    void devicesWithoutAnEnergyCounterIntegratePower() {
        gpu.gtd_set_energy_supported(1, 0);
        gpu.gtd_set_power(1, 100_000); // 100 W at open
        NvmlSensor.Opening opening = open(null);
        NvmlSensor sensor = opening.sensor();
        assertThat(sensor.channels().get(1).detail()).contains("power readings integrated");
        assertThat(opening.diagnosis().notes()).anyMatch(n -> n.contains("GPU 1: no energy counter"));

        gpu.gtd_set_power(1, 200_000); // 200 W two seconds later: trapezoid gives 300 J
        SampleFrame frame = read(sensor, 2_000_000_000L, false);

        assertThat(frame.hostJoules(1)).isCloseTo(300, within(1e-9));
        sensor.close();
    }

    @Test
    void cudaVisibleDevicesLimitsTheDevicesMeasured() {
        gpu.gtd_reset(4);
        NvmlSensor sensor = open("GPU-00000000-0000-0000-0000-000000000002,1").sensor();
        assertThat(sensor.channels()).extracting(EnergyChannel::device).containsExactly("2", "1");
        sensor.close();

        NvmlSensor.Opening none = open("");
        assertThat(none.sensor()).isNull();
        assertThat(none.diagnosis().reported()).isFalse();
        assertThat(none.diagnosis().problem()).contains("CUDA_VISIBLE_DEVICES=''");
        assertThat(gpu.gtd_shutdown_calls()).isEqualTo(2);
    }

    @Test
    void processSharesFollowWhatNvmlSaysAboutTheDevice() {
        gpu.gtd_reset(4);
        gpu.gtd_set_processes(0, 1, new int[] {OWN_PID});                       // alone on it
        gpu.gtd_set_processes(1, 2, new int[] {OWN_PID, OTHER_VISIBLE});        // shared, utilisation known
        gpu.gtd_set_utilization(1, 3, new int[] {OWN_PID, OTHER_VISIBLE, OWN_PID}, new int[] {30, 40, 10});
        gpu.gtd_set_processes(2, 1, new int[] {OTHER_VISIBLE});                 // someone else's
        gpu.gtd_set_processes(3, 2, new int[] {HOST_PID, OTHER_VISIBLE});       // pid we cannot see: maybe us in a container
        NvmlSensor sensor = open(null).sensor();

        SampleFrame frame = read(sensor, 1_000_000_000L, true);

        assertThat(frame.deviceShare(0)).isEqualTo(1.0);
        assertThat(frame.unsplit(0)).isFalse();
        assertThat(sensor.share(0).basis()).isEqualTo(GpuProcessShare.Basis.EXCLUSIVE);
        assertThat(frame.deviceShare(1)).isCloseTo(40.0 / 80, within(1e-12));
        assertThat(sensor.share(1).basis()).isEqualTo(GpuProcessShare.Basis.UTILIZATION);
        assertThat(frame.deviceShare(2)).isZero();
        assertThat(frame.deviceShare(3)).isEqualTo(0.5);
        assertThat(frame.unsplit(3)).isTrue();

        // no new utilisation samples on the next tick: the last split still holds
        frame = read(sensor, 1_000_000_000L, true);
        assertThat(sensor.share(1).basis()).isEqualTo(GpuProcessShare.Basis.UTILIZATION);
        assertThat(frame.deviceShare(1)).isCloseTo(0.5, within(1e-12));

        // process lists are refreshed on ticks only; boundary reads keep the last decision
        gpu.gtd_set_processes(0, 0, new int[0]);
        assertThat(read(sensor, 1_000_000, false).deviceShare(0)).isEqualTo(1.0);
        assertThat(read(sensor, 1_000_000, true).deviceShare(0)).isZero();
        sensor.close();
    }

    @Test
    void currentDriversListProcessesIn24ByteEntries() {
        gpu.gtd_set_processes(0, 2, new int[] {OTHER_VISIBLE, OWN_PID});
        gpu.gtd_set_utilization(0, 2, new int[] {OWN_PID, OTHER_VISIBLE}, new int[] {30, 10});
        NvmlSensor.Opening opening = open(null);
        assertThat(opening.diagnosis().notes()).anyMatch(n -> n.contains("24-byte entries") && n.contains("560.35.03"));
        NvmlSensor sensor = opening.sensor();

        SampleFrame frame = read(sensor, 1_000_000_000L, true);

        assertThat(sensor.share(0).basis()).as("our pid, second in the list, was found").isEqualTo(GpuProcessShare.Basis.UTILIZATION);
        assertThat(frame.deviceShare(0)).isCloseTo(30.0 / 40, within(1e-12));
        sensor.close();
    }

    @Test
    void r535DriversListProcessesIn32ByteEntries() {
        NvmlTestDouble r535 = NvmlTestDouble.loadR535();
        String r535Library = NvmlTestDouble.r535Library().toString();
        r535.gtd_reset(1);
        r535.gtd_set_processes(0, 2, new int[] {OTHER_VISIBLE, OWN_PID});
        r535.gtd_set_utilization(0, 2, new int[] {OWN_PID, OTHER_VISIBLE}, new int[] {30, 10});
        NvmlSensor.Opening opening = NvmlSensor.open(NvmlLibrary.load(r535Library), r535Library, null, OWN_PID, pid -> pid == OTHER_VISIBLE);
        NvmlSensor sensor = opening.sensor();

        SampleFrame frame = read(sensor, 1_000_000_000L, true);

        // read with a 24-byte stride, the second pid comes from the wrong bytes and our process is not seen
        assertThat(sensor.share(0).basis()).as("our pid, second in the list, was found").isEqualTo(GpuProcessShare.Basis.UTILIZATION);
        assertThat(frame.deviceShare(0)).isCloseTo(30.0 / 40, within(1e-12));
        assertThat(opening.diagnosis().notes()).anyMatch(n -> n.contains("32-byte entries") && n.contains("535.54.03"));
        sensor.close();
    }

    @Test
    void theLayoutRuleFollowsTheDriverVersionAndTheDetailListSymbol() {
        assertThat(NvmlProcessInfoLayout.of("470.199.02", false).entryBytes).isEqualTo(24);
        assertThat(NvmlProcessInfoLayout.of("535.54.03", false).entryBytes).isEqualTo(32);
        assertThat(NvmlProcessInfoLayout.of("545.23.08", false).entryBytes).isEqualTo(32);
        assertThat(NvmlProcessInfoLayout.of("550.54.15", true).entryBytes).isEqualTo(24);
        assertThat(NvmlProcessInfoLayout.of("535.183.01", true).entryBytes).as("a 535 branch that has the detail list").isEqualTo(24);
        assertThat(NvmlProcessInfoLayout.of("", false).entryBytes).isEqualTo(24);
    }

    @Test
    void deviceThatCannotListProcessesIsUnsplit() {
        gpu.gtd_set_processes_supported(0, 0);
        gpu.gtd_set_processes(1, 3, new int[] {OWN_PID, OTHER_VISIBLE, 99});
        gpu.gtd_set_utilization_supported(1, 0); // e.g. MIG mode
        NvmlSensor sensor = open(null).sensor();

        SampleFrame frame = read(sensor, 1_000_000_000L, true);

        assertThat(frame.deviceShare(0)).isEqualTo(1.0);
        assertThat(frame.unsplit(0)).isTrue();
        assertThat(frame.deviceShare(1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(frame.unsplit(1)).isTrue();
        sensor.close();
    }

    @Test
    void manyProcessesGrowTheBuffers() {
        int[] pids = new int[100];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = i == 99 ? OWN_PID : OTHER_VISIBLE;
        }
        gpu.gtd_set_processes(0, 100, pids); // more than the sensor's first buffer holds
        NvmlSensor sensor = open(null).sensor();
        assertThat(read(sensor, 1, true).deviceShare(0)).isCloseTo(1.0 / 100, within(1e-12));
        sensor.close();
    }

    @Test
    void initFailureIsAWarningAndNoSensor() {
        gpu.gtd_set_init_result(NvmlLibrary.ERROR_DRIVER_NOT_LOADED);
        NvmlSensor.Opening opening = open(null);
        assertThat(opening.sensor()).isNull();
        assertThat(opening.diagnosis().severity()).isEqualTo(SensorDiagnosis.Severity.WARNING);
        assertThat(opening.diagnosis().problem()).contains("nvmlInit_v2 returned 9");
        assertThat(opening.diagnosis().fix()).contains("nvidia-smi");
    }

    @Test
    void missingLibraryMeansNoGpuMetricsAndNoError() {
        NvmlSensor.Opening opening = NvmlSensor.open("libnvidia-ml-that-does-not-exist.so.1", false, null, OWN_PID);
        assertThat(opening.sensor()).isNull();
        assertThat(opening.diagnosis().reported()).isFalse();
        assertThat(opening.diagnosis().severity()).isEqualTo(SensorDiagnosis.Severity.QUIET);
        assertThat(opening.diagnosis().fix()).contains("greentrain.nvml.library");
        if (!NvmlSensor.nvidiaDriverPresent()) {
            assertThat(opening.diagnosis().problem()).as("JNA is not even loaded without a driver").contains("no NVIDIA kernel driver");
        }

        NvmlSensor.Opening configured = NvmlSensor.open("/nowhere/libnvidia-ml.so.1", true, null, OWN_PID);
        assertThat(configured.diagnosis().severity()).isEqualTo(SensorDiagnosis.Severity.WARNING);
    }

    @Test
    void openedThroughTheConfiguredPathLikeTheExporterDoes() {
        NvmlSensor.Opening opening = NvmlSensor.open(library, true, "1", ProcessHandle.current().pid());
        assertThat(opening.sensor().channels().stream().map(EnergyChannel::device).collect(Collectors.toList())).isEqualTo(List.of("1"));
        opening.sensor().close();
    }
}
