package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UkGridProviderTest {

    private FakeProviderServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeProviderServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void nationalPrefersActualOverForecast() throws Exception {
        server.answer(200, ProviderFormats.ukNational(187, 201));
        IntensityReading reading = new UkGridProvider(server.baseUrl(), 0, Duration.ofMillis(500)).fetch();
        assertThat(reading.gramsPerKwh()).isEqualTo(187);
        assertThat(reading.source()).isEqualTo("ukgrid");
        assertThat(server.lastRequest().uri.getPath()).isEqualTo("/intensity");
        assertThat(server.lastRequest().header("auth-token")).isNull();
    }

    @Test
    void nationalUsesForecastWhileActualIsNull() throws Exception {
        server.answer(200, ProviderFormats.ukNational(null, 201));
        assertThat(new UkGridProvider(server.baseUrl(), 0, Duration.ofMillis(500)).fetch().gramsPerKwh()).isEqualTo(201);
    }

    @Test
    void regionalReadsTheRegionsForecast() throws Exception {
        server.answer(200, ProviderFormats.ukRegional(13, 143));
        IntensityReading reading = new UkGridProvider(server.baseUrl() + "/", 13, Duration.ofMillis(500)).fetch();
        assertThat(reading.gramsPerKwh()).isEqualTo(143);
        assertThat(server.lastRequest().uri.getPath()).isEqualTo("/regional/regionid/13");
    }

    @Test
    void malformedOrEmptyAnswersAreRejected() {
        for (String body : new String[] {"{\"data\":[]}", "{\"data\":[{\"intensity\":{\"index\":\"low\"}}]}", "{}", "nonsense",
                "{\"data\":[{\"intensity\":{\"forecast\":\"high\",\"actual\":null}}]}"}) {
            server.answer(200, body);
            assertThatThrownBy(() -> new UkGridProvider(server.baseUrl(), 0, Duration.ofMillis(500)).fetch()).as(body)
                    .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("malformed"));
        }
        // a national-shaped answer on the regional endpoint has no nested data array
        server.answer(200, ProviderFormats.ukNational(100, 100));
        assertThatThrownBy(() -> new UkGridProvider(server.baseUrl(), 3, Duration.ofMillis(500)).fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("malformed"));
    }

    @Test
    void errorsAndTimeouts() {
        server.answer(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal Server Error\"}}");
        assertThatThrownBy(() -> new UkGridProvider(server.baseUrl(), 0, Duration.ofMillis(500)).fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("http_error"));
        server.answer(200, ProviderFormats.ukNational(100, 100)).delay(2_000);
        assertThatThrownBy(() -> new UkGridProvider(server.baseUrl(), 0, Duration.ofMillis(200)).fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
    }

    @Test
    void regionIdsAreValidated() {
        assertThat(UkGridProvider.parseRegion("")).isZero();
        assertThat(UkGridProvider.parseRegion(" 13 ")).isEqualTo(13);
        assertThatThrownBy(() -> UkGridProvider.parseRegion("london")).hasMessageContaining("'london'");
        assertThatThrownBy(() -> UkGridProvider.parseRegion("19")).hasMessageContaining("'19'");
        assertThatThrownBy(() -> new UkGridProvider(server.baseUrl(), -1, Duration.ofSeconds(1))).hasMessageContaining("-1");
    }
}
