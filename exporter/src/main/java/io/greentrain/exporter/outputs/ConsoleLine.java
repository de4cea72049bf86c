package io.greentrain.exporter.outputs;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RunFacts;

/**
 * The one human line per finished run on stderr ({@code greentrain.console.enabled}), e.g.
 * {@code greentrain: dl4j MultiLayerNetwork 12.3 s: cpu 812 J (rapl), gpu 1.52 kJ (nvml); 0.036 g CO2e (FR 56 g/kWh, table:owid-2023, PUE 1) [run 3f2a9c1b-1, 600 calls, 3 epochs]}.
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
        RunFacts run = r.run();
        if (!run.runId().isEmpty()) {
            line.append(" [").append(run.isRun() ? "run " : "call of run ").append(run.runId());
            if (!run.runName().isEmpty()) {
                line.append(" '").append(run.runName()).append('\'');
            }
            if (run.isRun()) {
                line.append(", ").append(run.calls()).append(run.calls() == 1 ? " call" : " calls");
            }
            if (r.epochs() > 0) {
                line.append(", ").append(r.epochs()).append(r.epochs() == 1 ? " epoch" : " epochs");
            }
            if (run.rows() >= 0) {
                line.append(", ").append(run.rows()).append(" rows");
            }
            if (!run.groupId().isEmpty()) {
                line.append(", group ").append(run.groupId()).append(' ').append(run.groupName());
            }
            line.append(']');
        }
        return line.toString();
    }
}
