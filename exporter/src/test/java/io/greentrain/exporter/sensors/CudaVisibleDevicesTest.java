package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CudaVisibleDevicesTest {

    private static final List<String> UUIDS = List.of("GPU-aaaa-1", "GPU-bbbb-2", "GPU-bbbc-3");

    @Test
    void unsetMeansAllEmptyMeansNone() {
        assertThat(CudaVisibleDevices.select(null, UUIDS).indices()).containsExactly(0, 1, 2);
        assertThat(CudaVisibleDevices.select("", UUIDS).indices()).isEmpty();
        assertThat(CudaVisibleDevices.select("", UUIDS).notes()).isEmpty();
    }

    @Test
    void indicesAndUuidPrefixesInTheVariablesOrder() {
        assertThat(CudaVisibleDevices.select("2, 0", UUIDS).indices()).containsExactly(2, 0);
        assertThat(CudaVisibleDevices.select("GPU-bbbc,GPU-aaaa-1", UUIDS).indices()).containsExactly(2, 0);
    }

    @Test
    void theFirstInvalidEntryEndsTheListAsInCuda() {
        CudaVisibleDevices selected = CudaVisibleDevices.select("1,7,0", UUIDS);
        assertThat(selected.indices()).containsExactly(1);
        assertThat(selected.notes()).anyMatch(n -> n.contains("'7'"));
        assertThat(CudaVisibleDevices.select("GPU-bbb,0", UUIDS).indices()).as("ambiguous prefix").isEmpty();
        assertThat(CudaVisibleDevices.select("-1", UUIDS).indices()).isEmpty();
    }

    @Test
    void migSlicesAreReportedNotMeasured() {
        CudaVisibleDevices selected = CudaVisibleDevices.select("MIG-1234,0", UUIDS);
        assertThat(selected.indices()).containsExactly(0);
        assertThat(selected.notes()).anyMatch(n -> n.contains("MIG slice"));
    }
}
