package io.greentrain.exporter.outputs;

import io.greentrain.exporter.attribution.RunProgress;

/**
 * The line an open run shows every {@code progress.interval}: while one of its calls runs, e.g.
 * {@code greentrain: dl4j MultiLayerNetwork running 1 min 12 s: 2400 calls, 5.31 kJ so far [run 3f2a9c1b-1]}; between
 * its calls (a run stays open for {@code runs.gap} after its last call, waiting for the next batch), e.g.
 * {@code greentrain: dl4j MultiLayerNetwork idle (no call in flight): 2400 calls, 5.31 kJ so far [run 3f2a9c1b-1]},
 * without the run's age, which then counts time no call ran.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * The line without the {@code greentrain: } prefix.
     *
     * @param callRunning whether a call of the run runs ({@link TrainingMetrics#callRunning}; else the line says the run
     *                    is idle, never running)
     */
    public static String format(RunProgress p, boolean callRunning) {
        StringBuilder line = new StringBuilder();
        line.append(p.library()).append(' ').append(p.model());
        if (callRunning) {
            line.append(" running ").append(HumanUnits.seconds(p.secondsSoFar()));
        } else {
            line.append(" idle (no call in flight)");
        }
        line.append(": ").append(p.callsSoFar()).append(p.callsSoFar() == 1 ? " call, " : " calls, ")
                .append(HumanUnits.joules(p.joulesSoFar())).append(" so far [run ").append(p.runId());
        if (!p.runName().isEmpty()) {
            line.append(" '").append(p.runName()).append('\'');
        }
        return line.append(']').toString();
    }
}
