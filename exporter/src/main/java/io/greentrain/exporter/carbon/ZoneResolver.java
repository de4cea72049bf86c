package io.greentrain.exporter.carbon;

import io.greentrain.config.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what a user typed as {@code greentrain.carbon.zone} into a {@link GridZone}.
 *
 * <p>Rules: empty text is the world average; an ISO country code in alpha-2 or alpha-3 ({@code FR},
 * {@code fra}); a sub-national region where the table has one ({@code US-CA}, {@code CA-QC},
 * {@code SE-SE1} or {@code SE1}); a cloud region written {@code provider:region} ({@code aws:eu-west-3},
 * {@code gcp:europe-west1}, {@code azure:westeurope}; {@code google:}, {@code amazon:} and
 * {@code microsoft:} are accepted for the three big providers). Case is ignored. Anything else throws
 * {@link UnknownZoneException} listing up to five close matches.
 */
public final class ZoneResolver {

    private static final int MAX_SUGGESTIONS = 5;
    private static final Map<String, String> PROVIDER_ALIASES = Map.of(
            "google", "gcp", "gce", "gcp", "amazon", "aws", "microsoft", "azure");

    private final GridIntensityTable table;

    public ZoneResolver(GridIntensityTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** @throws UnknownZoneException when the table has no such zone */
    public GridZone resolve(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return table.world();
        }
        String normalized = normalizeCloud(trimmed);
        return table.find(normalized).orElseThrow(() -> new UnknownZoneException(trimmed, closeMatches(normalized)));
    }

    private static String normalizeCloud(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return text;
        }
        String provider = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        return PROVIDER_ALIASES.getOrDefault(provider, provider) + ":" + text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** Codes and aliases within a small edit distance, plus zones whose name is spelt nearly so; best first. */
    List<String> closeMatches(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        boolean cloud = wanted.contains(":");
        String wantedRegion = cloud ? wanted.substring(wanted.indexOf(':') + 1) : wanted;
        Map<GridZone, Integer> best = new LinkedHashMap<>();
        for (GridZone zone : table.zones()) {
            int nameDistance = EditDistance.between(wanted, zone.name().toLowerCase(Locale.ROOT));
            if (nameDistance <= (wanted.length() < 5 ? 0 : 2)) {
                best.put(zone, nameDistance); // a (mis)spelt name: "France", "Frnace", "Quebec"
                continue;
            }
            if ((zone.kind() == GridZone.Kind.CLOUD) != cloud) {
                continue;
            }
            List<String> spellings = new ArrayList<>(table.aliasesOf(zone));
            spellings.add(zone.code());
            for (String spelling : spellings) {
                String candidate = spelling.toLowerCase(Locale.ROOT);
                int distance = EditDistance.between(wanted, candidate);
                if (cloud) {
                    // a region id under another provider is a close match too (aws:westeurope -> azure:westeurope)
                    distance = Math.min(distance, EditDistance.between(wantedRegion, candidate.substring(candidate.indexOf(':') + 1)) + 1);
                }
                int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
                if (distance <= allowed) {
                    best.merge(zone, distance, Math::min);
                }
            }
        }
        List<Map.Entry<GridZone, Integer>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Comparator.<Map.Entry<GridZone, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(e -> e.getKey().code()));
        List<String> result = new ArrayList<>();
        for (Map.Entry<GridZone, Integer> entry : ranked) {
            if (result.size() == MAX_SUGGESTIONS) {
                break;
            }
            result.add(entry.getKey().code() + " (" + entry.getKey().name() + ")");
        }
        return result;
    }
}
