package io.greentrain.exporter.carbon;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Chooses the {@link GridIntensity} from configuration (see {@link CarbonAccounting} for the rules).
 *
 * <p>The Electricity Maps zone is {@code greentrain.carbon.provider.region} when set, else derived from the
 * carbon zone: a country's alpha-2 code, a region code as is ({@code SE-SE3}, {@code CA-QC}), a cloud region's
 * country. US states have no Electricity Maps zone of that name: set the region (e.g. {@code US-CAL-CISO}).
 * The UK provider only covers Great Britain: with another zone it is not used.
 */
final class GridIntensitySetup {

    private GridIntensitySetup() {
    }

    static GridIntensity fromConfig(GreenTrainConfig config, GridIntensityTable table, LongSupplier clock) {
        String zoneText = config.get(Options.CARBON_ZONE);
        String provider = config.get(Options.CARBON_PROVIDER);
        GridZone zone = resolve(zoneText, provider, table);

        double fixed = config.get(Options.CARBON_INTENSITY);
        if (fixed >= 0) {
            // an explicit intensity says nothing about where: keep the zone if one was named, else "custom"
            String label = zoneText.trim().isEmpty() ? "custom" : zone.code();
            return new FixedGridIntensity(label, new IntensityReading(fixed, "config"));
        }
        if (zoneText.trim().isEmpty() && provider.equals("none")) {
            CarbonAccounting.hintNoZone(zone);
        }
        Duration timeout = config.get(Options.CARBON_PROVIDER_TIMEOUT);
        String url = config.get(Options.CARBON_PROVIDER_URL);
        String region = config.get(Options.CARBON_PROVIDER_REGION).trim();
        try {
            switch (provider) {
                case "electricitymaps": {
                    String emZone = region.isEmpty() ? electricityMapsZone(zone, table) : region;
                    if (emZone.isEmpty()) {
                        AgentLog.problem("carbon", "provider_config", "no Electricity Maps zone for " + zone.code() + ": set "
                                + Options.CARBON_PROVIDER_REGION.key() + " (e.g. US-CAL-CISO); using the embedded table");
                        return FixedGridIntensity.of(zone);
                    }
                    IntensityProvider live = new ElectricityMapsProvider(url, emZone,
                            config.get(Options.CARBON_PROVIDER_TOKEN), timeout);
                    return new LiveGridIntensity(live, zone.code(), zone, clock).start(config.get(Options.CARBON_PROVIDER_REFRESH));
                }
                case "ukgrid": {
                    if (!zone.country().equals("GBR")) {
                        AgentLog.problem("carbon", "provider_config", "the UK grid provider covers Great Britain only, not "
                                + zone.code() + "; using the embedded table");
                        return FixedGridIntensity.of(zone);
                    }
                    IntensityProvider live = new UkGridProvider(url, UkGridProvider.parseRegion(region), timeout);
                    return new LiveGridIntensity(live, zone.code(), zone, clock).start(config.get(Options.CARBON_PROVIDER_REFRESH));
                }
                default:
                    return FixedGridIntensity.of(zone);
            }
        } catch (IllegalArgumentException e) {
            AgentLog.problem("carbon", "provider_config", "live carbon provider " + provider + " not used: " + e.getMessage() + " (check " + Options.CARBON_PROVIDER_URL.key() + ", " + Options.CARBON_PROVIDER_TOKEN.key() + ", "
                    + Options.CARBON_PROVIDER_REGION.key() + ")"
                    + "; using the embedded table value for " + zone.code());
            return FixedGridIntensity.of(zone);
        }
    }

    private static GridZone resolve(String zoneText, String provider, GridIntensityTable table) {
        if (zoneText.trim().isEmpty() && provider.equals("ukgrid")) {
            return table.find("GB").orElse(table.world()); // the UK API implies the zone
        }
        try {
            return new ZoneResolver(table).resolve(zoneText);
        } catch (UnknownZoneException e) {
            AgentLog.problem("carbon", "unknown_zone", e.getMessage() + " (" + Options.CARBON_ZONE.key()
                    + "); using the world average " + table.world().gramsPerKwh() + " g/kWh");
            return table.world();
        }
    }

    /** Electricity Maps zone key for a table zone, or "" when there is no obvious one. */
    static String electricityMapsZone(GridZone zone, GridIntensityTable table) {
        switch (zone.kind()) {
            case COUNTRY:
                return zone.code();
            case REGION:
                return zone.code().startsWith("US-") ? "" : zone.code().toUpperCase(Locale.ROOT);
            case CLOUD:
                return table.country(zone.country()).map(GridZone::code).orElse("");
            default:
                return "";
        }
    }
}
