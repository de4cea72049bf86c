package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole RAPL path on a fixture host: two sockets with dram sub-zones, a psys zone, core sub-zones
 * and an MMIO duplicate, whose counters a test thread advances (one of them through a wrap) while the
 * sampler thread runs. The host energy must be the scripted package + dram energy, nothing counted twice.
 */
class RaplSamplerFixtureTest {

    private static final long RANGE = 200_000_000L; // 200 J: wraps within the test, read every 100 ms

    @TempDir
    Path dir;

    @Test
    void hostEnergyEqualsTheScriptedEnergyThroughAWrapWithoutDoubleCounting() throws Exception {
        PowercapFixture fixture = PowercapFixture.twoSockets(dir, RANGE);
        fixture.set("intel-rapl:1", RANGE - 3_000_000); // socket 1 wraps on the third step
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.RAPL_ROOT, dir.toString()).with(Options.CGROUP_ROOT, "").with(Options.GPU_ENABLED, false);
        SensorSet sensors = SensorDetection.detect(config, Map.of(), SysfsReader.DIRECT, System::nanoTime, new CpuModel("test", 2, 8));
        try (EnergySampler sampler = EnergySampler.start(sensors, Duration.ofMillis(100))) {
            assertThat(sampler.channels().stream().map(c -> c.component().label() + "/" + c.source().label()).collect(Collectors.toList()))
                    .containsExactly("cpu/rapl", "dram/rapl");
            assertThat(sampler.tickInterval()).isEqualTo(Duration.ofMillis(100));
            long ticksBefore = sampler.latest().sequence();

            Thread hardware = new Thread(() -> {
                for (int step = 0; step < 40; step++) {
                    fixture.advance("intel-rapl:0", 1_000_000);    // package-0: 40 W
                    fixture.advance("intel-rapl:1", 1_500_000);    // package-1: 60 W, wraps
                    fixture.advance("intel-rapl:0:0", 300_000);    // dram of socket 0
                    fixture.advance("intel-rapl:1:0", 200_000);    // dram of socket 1
                    fixture.advance("intel-rapl:0:1", 700_000);    // core: inside package-0, must not count
                    fixture.advance("intel-rapl:2", 5_000_000);    // psys: contains the packages, must not count
                    fixture.advance("intel-rapl-mmio:0", 1_100_000); // package-0 again through MMIO, must not count
                    sleep(25);
                }
            }, "fixture-hardware");
            hardware.start();
            hardware.join();

            EnergySnapshot end = sampler.sampleNow();
            assertThat(fixture.value("intel-rapl:1")).isLessThan(RANGE - 3_000_000); // it did wrap
            assertThat(end.sequence() - ticksBefore).as("periodic samples while the counters moved").isGreaterThanOrEqualTo(5);
            assertThat(end.hostJoules(Component.CPU)).isCloseTo(40 * (1.0 + 1.5), within(0.005 * 100));
            assertThat(end.hostJoules(Component.DRAM)).isCloseTo(40 * (0.3 + 0.2), within(0.005 * 20));
            assertThat(end.processJoules(Component.CPU)).isBetween(0.0, end.hostJoules(Component.CPU));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
