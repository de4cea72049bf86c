package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElectricityMapsProviderTest {

    private FakeProviderServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeProviderServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ElectricityMapsProvider provider(String zone) {
        return new ElectricityMapsProvider(server.baseUrl(), zone, "secret-token-123", Duration.ofMillis(500));
    }

    @Test
    void readsCarbonIntensityAndSendsTokenInAuthTokenHeader() throws Exception {
        server.answer(200, ProviderFormats.electricityMaps("SE-SE3", 31.5));
        IntensityReading reading = provider("SE-SE3").fetch();
        assertThat(reading.gramsPerKwh()).isEqualTo(31.5);
        assertThat(reading.source()).isEqualTo("electricitymaps");
        FakeProviderServer.Request request = server.lastRequest();
        assertThat(request.uri.getPath()).isEqualTo("/v3/carbon-intensity/latest");
        assertThat(request.uri.getQuery()).isEqualTo("zone=SE-SE3");
        assertThat(request.header("auth-token")).isEqualTo("secret-token-123");
    }

    @Test
    void acceptsBaseUrlThatAlreadyEndsInV3() throws Exception {
        server.answer(200, ProviderFormats.electricityMaps("FR", 44));
        new ElectricityMapsProvider(server.baseUrl() + "/v3/", "FR", "t", Duration.ofMillis(500)).fetch();
        assertThat(server.lastRequest().uri.getPath()).isEqualTo("/v3/carbon-intensity/latest");
    }

    @Test
    void unauthorizedIsReportedWithoutTheToken() {
        server.answer(401, "{\"status\":\"error\",\"message\":\"Invalid auth-token secret-token-123\"}");
        assertThatThrownBy(() -> provider("FR").fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo("unauthorized");
                    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("secret-token-123");
                });
    }

    @Test
    void serverErrorIsHttpError() {
        server.answer(503, "upstream down");
        assertThatThrownBy(() -> provider("FR").fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http_error");
                    assertThat(e.getMessage()).contains("503").contains("upstream down");
                });
    }

    @Test
    void malformedBodiesAreRejected() {
        for (String body : new String[] {"<html>not json</html>", "{\"zone\":\"FR\"}", "{\"carbonIntensity\":null}",
                "{\"carbonIntensity\":\"56\"}", "{\"carbonIntensity\":-3}", "[1,2]", ""}) {
            server.answer(200, body);
            assertThatThrownBy(() -> provider("FR").fetch()).as(body)
                    .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("malformed"));
        }
    }

    @Test
    void slowServerTimesOut() {
        server.answer(200, ProviderFormats.electricityMaps("FR", 50)).delay(2_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new ElectricityMapsProvider(server.baseUrl(), "FR", "t", Duration.ofMillis(200)).fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new ElectricityMapsProvider("http://127.0.0.1:" + port, "FR", "t", Duration.ofMillis(500)).fetch())
                .isInstanceOfSatisfying(IntensityUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("unreachable"));
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertThatThrownBy(() -> new ElectricityMapsProvider(server.baseUrl(), " ", "t", Duration.ofSeconds(1)))
                .hasMessageContaining("zone");
        assertThatThrownBy(() -> new ElectricityMapsProvider(server.baseUrl(), "FR", "", Duration.ofSeconds(1)))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> new ElectricityMapsProvider("ftp://example.org", "FR", "t", Duration.ofSeconds(1)))
                .hasMessageContaining("ftp://example.org");
        assertThatThrownBy(() -> new ElectricityMapsProvider(server.baseUrl(), "FR", "t", Duration.ZERO))
                .hasMessageContaining("PT0S");
    }
}
