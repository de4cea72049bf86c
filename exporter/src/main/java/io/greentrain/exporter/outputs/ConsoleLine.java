package io.greentrain.exporter.outputs;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;

/**
 * The one human line per finished call on stderr ({@code greentrain.console.enabled}), e.g.
 * {@code greentrain: dl4j MultiLayerNetwork 12.3 s: cpu 812 J (rapl), gpu 1.52 kJ (nvml); 0.036 g CO2e (FR 56 g/kWh, table:owid-2023, PUE 1)}.
 * The {@code greentrain: } prefix is added by {@link io.greentrain.exporter.status.AgentLog}.
 */
public final class ConsoleLine {

    private ConsoleLine() {
    }

    /** The line without the {@code greentrain: } prefix. */
    public static String format(CallRecord r) {
        StringBuilder line = new StringBuilder();
        line.append(r.library()).append(' ').append(r.model()).append(' ').append(HumanUnits.seconds(r.durationSeconds()));
        if (!"success".equals(r.outcome())) {
            line.append(' ').append(r.outcome());
            if (!r.errorType().isEmpty()) {
                line.append(" (").append(r.errorType()).append(')');
            }
        }
        line.append(':');
        if (r.energy().isEmpty()) {
            line.append(" no energy measured");
        }
        String separator = " ";
        for (ComponentEnergy e : r.energy()) {
            line.append(separator).append(e.component()).append(' ').append(HumanUnits.joules(e.joules()))
                    .append(" (").append(e.source()).append(')');
            separator = ", ";
        }
        CarbonFigures c = r.carbon();
        if (c != null) {
            line.append("; ").append(HumanUnits.grams(c.grams())).append(" CO2e (").append(c.zone()).append(' ')
                    .append(HumanUnits.number(c.gramsPerKwh())).append(" g/kWh, ").append(c.intensitySource())
                    .append(", PUE ").append(HumanUnits.number(c.pue())).append(')');
        }
        return line.toString();
    }
}
