package io.greentrain.exporter.carbon;

/**
 * The arithmetic from energy to grams CO2e, in one place:
 * {@code grams = joules / 3.6e6 (kWh) * PUE * gCO2e/kWh}, and the ML Emissions Calculator's ex-ante
 * {@code kWh = watts * count * hours / 1000 * PUE} (Lacoste et al. 2019, which assumes 100 % of TDP).
 *
 * <p>PUE multiplies the IT energy measured at the device to get the facility energy the grid supplied
 * (cooling, power conversion); it is {@code >= 1.0} by definition.
 */
public final class EmissionsCalculator {

    public static final double JOULES_PER_KWH = 3.6e6;

    private final double pue;

    /** @throws IllegalArgumentException when {@code pue} is below 1.0, NaN or infinite */
    public EmissionsCalculator(double pue) {
        this.pue = requirePue(pue);
    }

    public static double requirePue(double pue) {
        if (!(pue >= 1.0) || Double.isInfinite(pue)) {
            throw new IllegalArgumentException("PUE must be a finite number >= 1.0: " + pue);
        }
        return pue;
    }

    public double pue() {
        return pue;
    }

    /** Facility energy in kWh for measured IT energy in joules (PUE applied). */
    public double facilityKwh(double joules) {
        return requireEnergy(joules) / JOULES_PER_KWH * pue;
    }

    /** Grams CO2e for measured IT energy in joules at the given intensity. */
    public double grams(double joules, double gramsPerKwh) {
        if (!(gramsPerKwh >= 0) || Double.isInfinite(gramsPerKwh)) {
            throw new IllegalArgumentException("grid intensity must be finite and >= 0 g/kWh: " + gramsPerKwh);
        }
        return facilityKwh(joules) * gramsPerKwh;
    }

    /**
     * Facility energy in kWh of {@code count} devices drawing {@code watts} each for {@code hours}.
     *
     * @throws IllegalArgumentException for a non-positive or non-finite watts or hours, or count below 1
     */
    public double jobKwh(double watts, int count, double hours) {
        if (!(watts > 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("watts must be a finite number > 0: " + watts);
        }
        if (count < 1) {
            throw new IllegalArgumentException("device count must be >= 1: " + count);
        }
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("hours must be a finite number > 0: " + hours);
        }
        return watts * count * hours / 1000.0 * pue;
    }

    private static double requireEnergy(double joules) {
        if (!(joules >= 0) || Double.isInfinite(joules)) {
            throw new IllegalArgumentException("energy must be finite and >= 0 J: " + joules);
        }
        return joules;
    }
}
