package io.greentrain.exporter.carbon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The embedded yearly-average grid intensities ({@code grid-intensity.csv}, derived from Our World in Data,
 * US EPA eGRID, codecarbon and mlco2/impact as described in the file's header and in NOTICE).
 *
 * <p>Loaded once from the class path. Lookups are by canonical code or alias and ignore case.
 */
public final class GridIntensityTable {

    static final String RESOURCE = "grid-intensity.csv";

    private final List<GridZone> zones;
    private final Map<String, GridZone> byKey;
    private final Map<String, List<String>> aliases;

    GridIntensityTable(List<GridZone> zones, Map<String, List<String>> aliases) {
        this.zones = Collections.unmodifiableList(new ArrayList<>(zones));
        this.aliases = aliases;
        this.byKey = new LinkedHashMap<>();
        for (GridZone zone : zones) {
            byKey.put(key(zone.code()), zone);
            for (String alias : aliases.getOrDefault(zone.code(), Collections.emptyList())) {
                byKey.putIfAbsent(key(alias), zone);
            }
        }
        if (!byKey.containsKey("world")) {
            throw new IllegalStateException(RESOURCE + " has no 'world' row");
        }
    }

    /** The table shipped in the jar. */
    public static GridIntensityTable embedded() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final GridIntensityTable TABLE = load();
    }

    private static GridIntensityTable load() {
        try (InputStream in = GridIntensityTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the GreenTrain jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static GridIntensityTable parse(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        List<GridZone> zones = new ArrayList<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (CSVRecord row : format.parse(reader)) {
            GridZone zone = new GridZone(row.get("zone"), GridZone.Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT)),
                    row.get("name"), row.get("country"), Double.parseDouble(row.get("g_per_kwh")), row.get("dataset"));
            zones.add(zone);
            String aliasText = row.get("aliases").trim();
            aliases.put(zone.code(), aliasText.isEmpty() ? Collections.emptyList() : List.of(aliasText.split(" ")));
        }
        return new GridIntensityTable(zones, aliases);
    }

    private static String key(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }

    /** The zone with this canonical code or alias (any case), if the table has it. */
    public Optional<GridZone> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(code)));
    }

    /** The world average, used when no zone is configured. */
    public GridZone world() {
        return byKey.get("world");
    }

    /** Every zone in table order. */
    public List<GridZone> zones() {
        return zones;
    }

    /** Other accepted spellings of a zone's code (alpha-3 for countries, {@code SE1} for {@code SE-SE1}). */
    public List<String> aliasesOf(GridZone zone) {
        return aliases.getOrDefault(zone.code(), Collections.emptyList());
    }

    /** The cloud regions of one provider ({@code aws}, {@code gcp}, {@code azure}, ...), in table order. */
    public List<GridZone> cloudRegions(String provider) {
        List<GridZone> result = new ArrayList<>();
        for (GridZone zone : zones) {
            if (zone.kind() == GridZone.Kind.CLOUD && zone.cloudProvider().equalsIgnoreCase(provider)) {
                result.add(zone);
            }
        }
        return result;
    }

    /** The region of a cloud provider with the lowest intensity (first in table order on ties), if it has any. */
    public Optional<GridZone> cleanestRegion(String provider) {
        GridZone best = null;
        for (GridZone zone : cloudRegions(provider)) {
            if (best == null || zone.gramsPerKwh() < best.gramsPerKwh()) {
                best = zone;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The country row for an ISO alpha-3 code, if any (used to name a cloud region's grid for live providers). */
    public Optional<GridZone> country(String alpha3) {
        for (GridZone zone : zones) {
            if (zone.kind() == GridZone.Kind.COUNTRY && zone.country().equalsIgnoreCase(alpha3)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }
}
