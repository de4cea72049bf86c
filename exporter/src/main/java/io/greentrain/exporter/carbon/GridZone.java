package io.greentrain.exporter.carbon;

import java.util.Locale;
import java.util.Objects;

/**
 * One zone of the embedded intensity table: a country, a sub-national grid region, a cloud region or the
 * world average, with its yearly-average intensity and the dataset (with its year) that number comes from.
 *
 * <p>Codes are canonical: ISO alpha-2 for countries ({@code FR}), {@code CC-XX} for sub-national regions
 * ({@code US-CA}, {@code CA-QC}, {@code SE-SE1}), {@code provider:region} for cloud regions
 * ({@code aws:eu-west-3}) and {@code world}.
 */
public final class GridZone {

    /** What kind of area a zone covers. */
    public enum Kind { WORLD, COUNTRY, REGION, CLOUD }

    private final String code;
    private final Kind kind;
    private final String name;
    private final String country;
    private final double gramsPerKwh;
    private final String dataset;

    /**
     * @param country     ISO alpha-3 code of the country the zone lies in; empty for {@code world}
     * @param gramsPerKwh yearly-average grid intensity, gCO2e/kWh, finite and {@code >= 0}
     * @param dataset     origin and year, e.g. {@code owid-2023}, {@code egrid-2016}
     */
    public GridZone(String code, Kind kind, String name, String country, double gramsPerKwh, String dataset) {
        this.code = requireText(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.country = Objects.requireNonNull(country, "country");
        if (!(gramsPerKwh >= 0) || Double.isInfinite(gramsPerKwh)) {
            throw new IllegalArgumentException("gramsPerKwh of zone " + code + " must be finite and >= 0: " + gramsPerKwh);
        }
        this.gramsPerKwh = gramsPerKwh;
        this.dataset = requireText(dataset, "dataset");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty: '" + value + "'");
        }
        return value;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** ISO alpha-3 of the zone's country; empty for {@code world}. */
    public String country() {
        return country;
    }

    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    public String dataset() {
        return dataset;
    }

    /** The intensity source label for this zone's table value: {@code table:<dataset>}. */
    public String tableSource() {
        return "table:" + dataset;
    }

    /** The cloud provider ({@code aws}, {@code gcp}, ...) of a cloud region, else "". */
    public String cloudProvider() {
        return kind == Kind.CLOUD ? code.substring(0, code.indexOf(':')).toLowerCase(Locale.ROOT) : "";
    }

    @Override
    public String toString() {
        return code + " (" + name + ", " + gramsPerKwh + " g/kWh, " + dataset + ")";
    }
}
