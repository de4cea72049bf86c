package io.greentrain.exporter.carbon;

/** Response bodies in each provider's documented format, as the fake server sends them. */
final class ProviderFormats {

    private ProviderFormats() {
    }

    /** Electricity Maps v3 {@code /v3/carbon-intensity/latest?zone=}. */
    static String electricityMaps(String zone, double intensity) {
        return "{\"zone\":\"" + zone + "\",\"carbonIntensity\":" + intensity + ",\"datetime\":\"2025-11-25T17:00:00.000Z\","
                + "\"updatedAt\":\"2025-11-25T17:41:08.791Z\",\"createdAt\":\"2025-11-22T17:44:18.424Z\","
                + "\"emissionFactorType\":\"lifecycle\",\"isEstimated\":true,\"estimationMethod\":\"TIME_SLICER_AVERAGE\"}";
    }

    /** UK {@code /intensity}: the current half hour; {@code actual} may be null. */
    static String ukNational(Integer actual, int forecast) {
        return "{\"data\":[{\"from\":\"2025-11-25T17:00Z\",\"to\":\"2025-11-25T17:30Z\",\"intensity\":{\"forecast\":" + forecast
                + ",\"actual\":" + actual + ",\"index\":\"moderate\"}}]}";
    }

    /** UK {@code /regional/regionid/{id}}: forecast only, with the generation mix. */
    static String ukRegional(int regionId, int forecast) {
        return "{\"data\":[{\"regionid\":" + regionId + ",\"dnoregion\":\"UKPN London\",\"shortname\":\"London\","
                + "\"data\":[{\"from\":\"2025-11-25T17:00Z\",\"to\":\"2025-11-25T17:30Z\",\"intensity\":{\"forecast\":" + forecast
                + ",\"index\":\"moderate\"},\"generationmix\":[{\"fuel\":\"biomass\",\"perc\":6.1},{\"fuel\":\"gas\",\"perc\":40.2},"
                + "{\"fuel\":\"wind\",\"perc\":31.9}]}]}]}";
    }
}
