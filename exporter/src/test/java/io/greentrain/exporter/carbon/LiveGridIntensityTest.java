package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveGridIntensityTest {

    private final GridZone fr = GridIntensityTable.embedded().find("FR").orElseThrow();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private FakeProviderServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeProviderServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LiveGridIntensity live() {
        return new LiveGridIntensity(new ElectricityMapsProvider(server.baseUrl(), "FR", "t", Duration.ofMillis(300)), "FR", fr,
                clock::get);
    }

    private static long problems(String reason) {
        var count = AgentLog.problemCounts().get("carbon\u0000" + reason);
        return count == null ? 0 : count.get();
    }

    @Test
    void theFirstAnswerCoversTheTimeSinceStartUp() {
        LiveGridIntensity intensity = live();
        clock.addAndGet(5_000); // a call runs before the first answer arrives
        server.answer(200, ProviderFormats.electricityMaps("FR", 40));
        assertThat(intensity.refresh()).isTrue();
        assertThat(intensity.over(1_000_000, 1_005_000)).isEqualTo(new IntensityReading(40, "electricitymaps"));
        assertThat(intensity.current().source()).isEqualTo("electricitymaps");
        assertThat(intensity.zone()).isEqualTo("FR");
    }

    @Test
    void failuresFallBackToTheTableLabelledAndCounted() {
        LiveGridIntensity intensity = live();
        long before = problems("provider_http_error");
        server.answer(500, "boom");
        assertThat(intensity.refresh()).isFalse();
        assertThat(intensity.current()).isEqualTo(new IntensityReading(fr.gramsPerKwh(), "fallback:" + fr.tableSource()));
        assertThat(problems("provider_http_error")).isEqualTo(before + 1);

        long beforeMalformed = problems("provider_malformed");
        server.answer(200, "{\"carbonIntensity\":\"n/a\"}");
        assertThat(intensity.refresh()).isFalse();
        assertThat(problems("provider_malformed")).isEqualTo(beforeMalformed + 1);

        long beforeTimeout = problems("provider_timeout");
        server.answer(200, ProviderFormats.electricityMaps("FR", 40)).delay(1_500);
        assertThat(intensity.refresh()).isFalse();
        assertThat(problems("provider_timeout")).isEqualTo(beforeTimeout + 1);
    }

    @Test
    void aLongCallIsChargedTheIntensityIntegratedOverItsSpan() {
        LiveGridIntensity intensity = live();
        long callStart = clock.get();
        server.answer(200, ProviderFormats.electricityMaps("FR", 100));
        intensity.refresh();
        clock.addAndGet(60_000);
        server.answer(200, ProviderFormats.electricityMaps("FR", 20));
        intensity.refresh();
        clock.addAndGet(30_000);
        server.answer(503, "down");
        intensity.refresh();
        clock.addAndGet(10_000);
        IntensityReading mean = intensity.over(callStart, clock.get());
        double expected = (60_000 * 100 + 30_000 * 20 + 10_000 * fr.gramsPerKwh()) / 100_000.0;
        assertThat(mean.gramsPerKwh()).isCloseTo(expected, within(1e-9));
        assertThat(mean.source()).isEqualTo("electricitymaps+fallback:" + fr.tableSource());
        // read at the end only, the call would have been charged the fallback value alone
        assertThat(intensity.current().gramsPerKwh()).isNotCloseTo(mean.gramsPerKwh(), within(1.0));
    }

    @Test
    void listenersSeeEveryChangeAndTheRefreshThreadRunsInTheBackground() throws Exception {
        server.answer(200, ProviderFormats.electricityMaps("FR", 77));
        LiveGridIntensity intensity = new LiveGridIntensity(
                new ElectricityMapsProvider(server.baseUrl(), "FR", "t", Duration.ofMillis(500)), "FR", fr, System::currentTimeMillis);
        List<IntensityReading> seen = new ArrayList<>();
        intensity.onChange(seen::add);
        try {
            intensity.start(Duration.ofHours(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.requestCount() == 0 || intensity.current().source().startsWith("fallback")) {
                assertThat(System.nanoTime()).as("first refresh within 5 s").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(intensity.current().gramsPerKwh()).isEqualTo(77);
            assertThat(seen).extracting(IntensityReading::source).containsExactly("fallback:" + fr.tableSource(), "electricitymaps");
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("greentrain-carbon") && t.isDaemon());
        } finally {
            intensity.close();
        }
    }
}
