package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuProcessShareTest {

    private static final long ME = 100;

    private static GpuProcessShare decide(int[] running, int[] pids, int[] sm) {
        return GpuProcessShare.decide(ME, running, pids, sm, pid -> pid < 1000);
    }

    @Test
    void theRuleInOrder() {
        assertThat(decide(null, null, null)).extracting(GpuProcessShare::basis, GpuProcessShare::share)
                .containsExactly(GpuProcessShare.Basis.UNSPLIT, 1.0);
        assertThat(decide(new int[0], null, null)).extracting(GpuProcessShare::basis, GpuProcessShare::share)
                .containsExactly(GpuProcessShare.Basis.IDLE, 0.0);
        assertThat(decide(new int[] {100}, null, null)).extracting(GpuProcessShare::basis, GpuProcessShare::share)
                .containsExactly(GpuProcessShare.Basis.EXCLUSIVE, 1.0);
        assertThat(decide(new int[] {100, 200}, new int[] {100, 200}, new int[] {25, 75}))
                .extracting(GpuProcessShare::basis, GpuProcessShare::share).containsExactly(GpuProcessShare.Basis.UTILIZATION, 0.25);
        assertThat(decide(new int[] {100, 200}, new int[] {100, 200}, new int[] {0, 0}))
                .extracting(GpuProcessShare::basis, GpuProcessShare::share).containsExactly(GpuProcessShare.Basis.UNSPLIT, 0.5);
        assertThat(decide(new int[] {200, 300}, null, null))
                .extracting(GpuProcessShare::basis, GpuProcessShare::share).containsExactly(GpuProcessShare.Basis.NOT_ON_DEVICE, 0.0);
        assertThat(decide(new int[] {200, 5000, 6000, 7000}, null, null))
                .extracting(GpuProcessShare::basis, GpuProcessShare::share).containsExactly(GpuProcessShare.Basis.UNSPLIT, 0.25);
    }

    @Test
    void onlyUnsplitIsLabelledUnsplit() {
        assertThat(decide(null, null, null).unsplit()).isTrue();
        assertThat(decide(new int[] {100}, null, null).unsplit()).isFalse();
    }
}
