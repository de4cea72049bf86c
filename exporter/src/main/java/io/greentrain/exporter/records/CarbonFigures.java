package io.greentrain.exporter.records;

import java.util.Objects;

/**
 * The carbon side of a call: grams CO2e and the provenance of the intensity used.
 *
 * @param zone              zone code used, e.g. {@code FR}, {@code aws:eu-west-3}, {@code world}, {@code custom}
 * @param gramsPerKwh       grid carbon intensity (time-weighted over the call for live providers)
 * @param intensitySource   where the intensity came from: {@code table:<dataset>-<year>} (e.g. {@code table:owid-2023}),
 *                          {@code electricitymaps}, {@code ukgrid}, {@code config}, {@code fallback:table:<dataset>}
 *                          (live provider failed), several joined by {@code +} when a call spans more than one
 * @param pue               power usage effectiveness applied
 * @param grams             grams CO2e = kWh * pue * gramsPerKwh
 */
public final class CarbonFigures {

    private final String zone;
    private final double gramsPerKwh;
    private final String intensitySource;
    private final double pue;
    private final double grams;

    public CarbonFigures(String zone, double gramsPerKwh, String intensitySource, double pue, double grams) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.gramsPerKwh = gramsPerKwh;
        this.intensitySource = Objects.requireNonNull(intensitySource, "intensitySource");
        this.pue = pue;
        this.grams = grams;
    }

    public String zone() {
        return zone;
    }

    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    public String intensitySource() {
        return intensitySource;
    }

    public double pue() {
        return pue;
    }

    public double grams() {
        return grams;
    }
}
