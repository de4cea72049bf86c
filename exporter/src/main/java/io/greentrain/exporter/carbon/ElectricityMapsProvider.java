package io.greentrain.exporter.carbon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Electricity Maps, API v3: {@code GET <base>/v3/carbon-intensity/latest?zone=<zone>} with the key in the
 * {@code auth-token} header; the answer's {@code carbonIntensity} is the zone's latest lifecycle intensity
 * in gCO2eq/kWh. Zones are Electricity Maps zone keys ({@code FR}, {@code DE}, {@code SE-SE3},
 * {@code US-CAL-CISO}).
 */
public final class ElectricityMapsProvider implements IntensityProvider {

    /** The public API; {@code greentrain.carbon.provider.url} replaces it (a proxy, a test server). */
    public static final String DEFAULT_BASE_URL = "https://api.electricitymaps.com";

    private final URI uri;
    private final String zone;
    private final String token;
    private final ProviderHttp http;

    /**
     * @param baseUrl scheme, host and optional path prefix; a trailing {@code /v3} is accepted
     * @throws IllegalArgumentException for an empty zone or token, or a base URL that is not http(s)
     */
    public ElectricityMapsProvider(String baseUrl, String zone, String token, Duration timeout) {
        if (zone == null || zone.trim().isEmpty()) {
            throw new IllegalArgumentException("Electricity Maps zone must not be empty: '" + zone + "'");
        }
        if (token == null || token.trim().isEmpty()) {
            throw new IllegalArgumentException("Electricity Maps needs an API token (greentrain.carbon.provider.token)");
        }
        this.zone = zone.trim();
        this.token = token.trim();
        String base = ProviderHttp.trimSlash(baseUrl == null || baseUrl.trim().isEmpty() ? DEFAULT_BASE_URL : baseUrl);
        String path = base.endsWith("/v3") ? "/carbon-intensity/latest" : "/v3/carbon-intensity/latest";
        this.uri = ProviderUris.http(base + path + "?zone=" + URLEncoder.encode(this.zone, StandardCharsets.UTF_8));
        this.http = new ProviderHttp(timeout);
    }

    @Override
    public String name() {
        return "electricitymaps";
    }

    @Override
    public String describe() {
        return "Electricity Maps zone " + zone;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public IntensityReading fetch() throws IntensityUnavailableException {
        JsonNode body = http.getJson(uri, Map.of("auth-token", token), token);
        return new IntensityReading(ProviderHttp.intensity(body, "carbonIntensity", uri), name());
    }
}
