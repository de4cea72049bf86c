package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessCpuShareTest {

    @Test
    void shareIsProcessCpuTimeOverHostBusyTime() {
        FakeHost host = new FakeHost(4);
        ProcessCpuShare share = host.cpuShare();

        host.run(1000, 1.0, 3.0); // this process: 1 CPU, whole host: 3 of 4 CPUs busy
        share.update();

        assertThat(share.share()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(share.hostLoad()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void shortIntervalsKeepTheShareOfTheLastClosedWindow() {
        FakeHost host = new FakeHost(4);
        ProcessCpuShare share = host.cpuShare();
        host.run(1000, 2.0, 4.0);
        share.update();
        assertThat(share.share()).isCloseTo(0.5, within(1e-9));

        // 5 ms later, a call boundary: 20 ms of host CPU is tick noise, not a share
        host.run(5, 0.0, 4.0);
        share.update();
        assertThat(share.share()).isCloseTo(0.5, within(1e-9));

        // the window keeps growing from the last close until it holds 100 ms of host CPU
        host.run(20, 4.0, 4.0);
        share.update();
        assertThat(share.share()).as("25 ms x 4 CPUs = 100 ms of host CPU closes the window")
                .isCloseTo((0 * 5 + 4.0 * 20) / (4.0 * 25), within(1e-9));
    }

    @Test
    void shareIsClampedToOneWhenTickRoundingPutsTheProcessAboveTheHost() {
        FakeHost host = new FakeHost(2);
        ProcessCpuShare share = host.cpuShare();
        host.run(1000, 2.0, 1.9);
        share.update();
        assertThat(share.share()).isEqualTo(1.0);
    }

    @Test
    void beforeTheFirstWindowClosesTheOpenWindowRatioIsUsed() {
        FakeHost host = new FakeHost(8);
        ProcessCpuShare share = host.cpuShare();
        host.run(10, 1.0, 4.0);
        share.update();
        assertThat(share.share()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void unreadableHostTimesKeepTheLastShare() {
        FakeHost host = new FakeHost(2);
        long[] process = {0};
        boolean[] readable = {true};
        long[] busy = {0};
        ProcessCpuShare share = new ProcessCpuShare(() -> process[0], out -> {
            if (!readable[0]) {
                return false;
            }
            out[0] = busy[0];
            out[1] = busy[0] * 2;
            return true;
        }, host::nanoTime);
        process[0] = 500_000_000L;
        busy[0] = 1_000_000_000L;
        host.run(1000, 0, 0);
        share.update();
        assertThat(share.share()).isCloseTo(0.5, within(1e-9));

        readable[0] = false;
        process[0] = 2_000_000_000L;
        host.run(1000, 0, 0);
        share.update();
        assertThat(share.hostReadable()).isFalse();
        assertThat(share.share()).isCloseTo(0.5, within(1e-9));
        assertThat(share.processCpuNanos()).isEqualTo(2_000_000_000L);
    }
}
