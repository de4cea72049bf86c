package io.greentrain.exporter.outputs;

import io.greentrain.exporter.records.CarbonFigures;

/**
 * The forecast line printed after each epoch of a call with a known epoch count, e.g.
 * {@code forecast dl4j MultiLayerNetwork: epoch 1/10 took 12 s and 1.52 kJ; whole call ≈ 15.2 kJ, 0.24 g CO2e
 * (FR 56 g/kWh, table:owid-2023), ≈ 1 min 48 s left}.
 */
public final class ForecastLine {

    private ForecastLine() {
    }

    /** The line without the {@code greentrain: } prefix. */
    public static String format(EnergyForecast f, CarbonFigures forecastCarbon) {
        StringBuilder line = new StringBuilder("forecast ").append(f.library()).append(' ').append(f.model())
                .append(": epoch ").append(f.epochsCompleted()).append('/').append(f.epochsPlanned())
                .append(f.epochsCompleted() == 1 ? " took " : ", so far ").append(HumanUnits.seconds(f.elapsedSeconds()))
                .append(" and ").append(HumanUnits.joules(f.joulesSoFar()))
                .append("; whole call ~ ").append(HumanUnits.joules(f.forecastJoules()));
        if (forecastCarbon != null) {
            line.append(", ").append(HumanUnits.grams(forecastCarbon.grams())).append(" CO2e (").append(forecastCarbon.zone())
                    .append(' ').append(HumanUnits.number(forecastCarbon.gramsPerKwh())).append(" g/kWh, ")
                    .append(forecastCarbon.intensitySource()).append(')');
        }
        if (f.epochsCompleted() < f.epochsPlanned()) {
            line.append(", ~ ").append(HumanUnits.seconds(f.secondsLeft())).append(" left");
        }
        return line.toString();
    }
}
