package io.greentrain.exporter.records.report;

/**
 * The unit an axis of the report page shows its ticks in, chosen from the largest value it carries so that the ticks
 * read as "2.5 kJ", "400 mg", never "0": energy in mJ, J, kJ, Wh or kWh, mass in mg, g or kg.
 */
final class AxisUnit {

    final String name;
    /** Base units (joules, grams) per one of this unit. */
    final double size;

    private AxisUnit(String name, double size) {
        this.name = name;
        this.size = size;
    }

    static AxisUnit energy(double maxJoules) {
        double max = Math.abs(maxJoules);
        if (max < 1) {
            return new AxisUnit("mJ", 1e-3);
        }
        if (max < 1_000) {
            return new AxisUnit("J", 1);
        }
        if (max < 36_000) {
            return new AxisUnit("kJ", 1e3);
        }
        if (max < 3.6e6) {
            return new AxisUnit("Wh", 3600);
        }
        return new AxisUnit("kWh", 3.6e6);
    }

    static AxisUnit mass(double maxGrams) {
        double max = Math.abs(maxGrams);
        if (max < 1) {
            return new AxisUnit("mg", 1e-3);
        }
        if (max < 1_000) {
            return new AxisUnit("g", 1);
        }
        return new AxisUnit("kg", 1e3);
    }
}
