package io.greentrain.exporter.carbon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;

/**
 * The Carbon Intensity API of Great Britain's National Grid ESO (no key). National:
 * {@code GET <base>/intensity} answers {@code {"data":[{"from","to","intensity":{"forecast","actual","index"}}]}}
 * and we take {@code actual}, or {@code forecast} while the half hour has no actual yet. Regional:
 * {@code GET <base>/regional/regionid/<1..17>} answers
 * {@code {"data":[{"regionid","shortname","data":[{"intensity":{"forecast","index"}}]}]}}; regions only
 * publish forecasts. Values are gCO2/kWh of generation (operational, not lifecycle).
 */
public final class UkGridProvider implements IntensityProvider {

    public static final String DEFAULT_BASE_URL = "https://api.carbonintensity.org.uk";
    /** Region ids of the API: 1..14 distribution network areas, 15 England, 16 Scotland, 17 Wales, 18 GB. */
    public static final int MAX_REGION_ID = 18;

    private final URI uri;
    private final int regionId;
    private final ProviderHttp http;

    /**
     * @param regionId 0 for the national figure, else a region id from 1 to {@value #MAX_REGION_ID}
     * @throws IllegalArgumentException for a region id out of range or a base URL that is not http(s)
     */
    public UkGridProvider(String baseUrl, int regionId, Duration timeout) {
        if (regionId < 0 || regionId > MAX_REGION_ID) {
            throw new IllegalArgumentException("UK grid region id must be from 1 to " + MAX_REGION_ID + " (0 = national): " + regionId);
        }
        this.regionId = regionId;
        String base = ProviderHttp.trimSlash(baseUrl == null || baseUrl.trim().isEmpty() ? DEFAULT_BASE_URL : baseUrl);
        this.uri = ProviderUris.http(regionId == 0 ? base + "/intensity" : base + "/regional/regionid/" + regionId);
        this.http = new ProviderHttp(timeout);
    }

    /** Parses {@code greentrain.carbon.provider.region}: empty is national. @throws IllegalArgumentException otherwise */
    public static int parseRegion(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int id = Integer.parseInt(t);
            if (id >= 1 && id <= MAX_REGION_ID) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException("UK grid region must be a region id from 1 to " + MAX_REGION_ID
                + " (13 = London) or empty for national: '" + t + "'");
    }

    @Override
    public String name() {
        return "ukgrid";
    }

    @Override
    public String describe() {
        return regionId == 0 ? "UK National Grid carbon intensity (national)" : "UK National Grid carbon intensity (region " + regionId + ")";
    }

    public URI uri() {
        return uri;
    }

    @Override
    public IntensityReading fetch() throws IntensityUnavailableException {
        JsonNode body = http.getJson(uri, Collections.emptyMap(), "");
        JsonNode period = first(body == null ? null : body.get("data"));
        if (regionId != 0) {
            period = first(period == null ? null : period.get("data"));
        }
        JsonNode intensity = period == null ? null : period.get("intensity");
        if (intensity == null || !intensity.isObject()) {
            throw new IntensityUnavailableException("malformed", "no data[0]" + (regionId == 0 ? "" : ".data[0]")
                    + ".intensity in the answer from " + uri, null);
        }
        JsonNode actual = intensity.get("actual");
        String field = actual != null && actual.isNumber() ? "actual" : "forecast";
        return new IntensityReading(ProviderHttp.intensity(intensity, field, uri), name());
    }

    private static JsonNode first(JsonNode array) {
        return array != null && array.isArray() && array.size() > 0 ? array.get(0) : null;
    }
}
