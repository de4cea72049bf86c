package io.greentrain.exporter.outputs;

import io.greentrain.exporter.attribution.RunProgress;

/**
 * The line a running run shows every {@code progress.interval}, e.g.
 * {@code greentrain: dl4j MultiLayerNetwork running 1 min 12 s: 2400 calls, 5.31 kJ so far [run 3f2a9c1b-1]}.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /** The line without the {@code greentrain: } prefix. */
    public static String format(RunProgress p) {
        StringBuilder line = new StringBuilder();
        line.append(p.library()).append(' ').append(p.model()).append(" running ").append(HumanUnits.seconds(p.secondsSoFar()))
                .append(": ").append(p.callsSoFar()).append(p.callsSoFar() == 1 ? " call, " : " calls, ")
                .append(HumanUnits.joules(p.joulesSoFar())).append(" so far [run ").append(p.runId());
        if (!p.runName().isEmpty()) {
            line.append(" '").append(p.runName()).append('\'');
        }
        return line.append(']').toString();
    }
}
