package io.greentrain.exporter.outputs;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.CallForecast;
import io.greentrain.exporter.attribution.CallStart;
import io.greentrain.exporter.attribution.GroupEnd;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.attribution.RunSink;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.outputs.jfr.FlightRecorderEvents;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RecordFormat;
import io.greentrain.exporter.status.AgentLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where runs go: the {@link RunSink} the attributor delivers to (through the publish queue). A finished run gets, in
 * order, carbon annotation (grams, zone, intensity source, PUE), one line in the records file, the Prometheus meters,
 * the stderr line (and its group's totals); a call record ({@code records.detail=calls}) gets carbon and its line in
 * the file; a run's progress moves the meters and prints a progress line ("running" only while one of its calls is in
 * flight, see {@link ProgressLine}); a group's end prints its totals. Each stage is guarded on its own, so a failing
 * stage costs only its own output, and nothing is ever thrown into the training thread.
 *
 * <p>Wiring: {@code outputs = TrainingOutputs.start(config, registry)}; give the attributor {@code outputs} as its sink;
 * hand the agent {@code outputs.observe(attributor)}; {@code close()} on shutdown.
 */
public final class TrainingOutputs implements RunSink, AutoCloseable {

    private final CarbonAccounting carbon;
    private final CallRecordWriter writer;
    private final TrainingMetrics metrics;
    private final boolean console;
    private final boolean terminal;
    private boolean flightRecorder;
    private final GroupTotals groups = new GroupTotals();
    /** Open runs whose idle progress line is printed: one per stretch without calls, not one per interval. */
    private final java.util.Set<String> idleShown = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Kept here because Micrometer holds the counter's state weakly: without this it stops at the first GC. */
    private ProcessEmissions processEmissions;

    /**
     * @param carbon   null only when the carbon stage could not start (records then carry no carbon figures)
     * @param writer   null when records are disabled
     * @param terminal whether stderr is a terminal (progress lines update in place)
     */
    public TrainingOutputs(CarbonAccounting carbon, CallRecordWriter writer, TrainingMetrics metrics, boolean console, boolean terminal) {
        this.carbon = carbon;
        this.writer = writer;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.console = console;
        this.terminal = terminal;
    }

    /** Builds every output the configuration asks for and binds the carbon meters. Never throws. */
    public static TrainingOutputs start(GreenTrainConfig config, MeterRegistry registry, JvmIdentity identity) {
        CarbonAccounting carbon;
        try {
            carbon = CarbonAccounting.fromConfig(config);
        } catch (RuntimeException e) {
            // only a damaged jar (intensity table missing) gets here: publish energy, and say why grams are absent
            AgentLog.problem("carbon", "table_unavailable", "carbon intensity table unavailable (" + e.getMessage()
                    + "); runs are published without grams");
            carbon = null;
        }
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(config.get(Options.MODEL_LABEL_LIMIT)));
        // System.console() is non-null only when the JVM talks to a terminal: a pipe, a file or a CI log gets plain lines
        TrainingOutputs outputs = new TrainingOutputs(carbon, recordsWriter(config, identity), metrics, config.get(Options.CONSOLE_ENABLED),
                System.console() != null);
        outputs.flightRecorder = config.get(Options.JFR_ENABLED);
        try {
            if (carbon != null) {
                GridMetrics.bind(registry, carbon);
                outputs.processEmissions = new ProcessEmissions(registry, carbon, System::currentTimeMillis);
                outputs.processEmissions.bind();
            }
        } catch (RuntimeException e) {
            AgentLog.problem("outputs", "bind_failed", "carbon meters not registered: " + e.getClass().getSimpleName());
        }
        return outputs;
    }

    private static CallRecordWriter recordsWriter(GreenTrainConfig config, JvmIdentity identity) {
        String file = expand(config.get(Options.RECORDS_FILE).trim(), identity);
        if (file.isEmpty()) {
            return null;
        }
        try {
            CallRecordWriter writer = new CallRecordWriter(Paths.get(file), RecordFormat.of(config.get(Options.RECORDS_FORMAT)));
            writer.checkDirectory();
            return writer;
        } catch (IllegalArgumentException e) { // InvalidPathException too
            AgentLog.problem("records", "bad_path", "records disabled: " + Options.RECORDS_FILE.key() + "='" + file
                    + "' is not a usable path (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * {@code {pid}} and {@code {host}} in the records file name: many JVMs (Spark executors, a fleet of jobs) can write
     * one shared directory, one file each, without a writer per file name to configure.
     */
    static String expand(String file, JvmIdentity identity) {
        return file.replace("{pid}", Long.toString(identity.pid())).replace("{host}", identity.hostInFileName());
    }

    /** Wraps the attributor so active calls and epochs are published while calls run. */
    public TrainingCalls observe(TrainingCalls attributor) {
        return new ObservedTrainingCalls(attributor, metrics);
    }

    /** The carbon stage, or null when it could not start. */
    public CarbonAccounting carbon() {
        return carbon;
    }

    public TrainingMetrics metrics() {
        return metrics;
    }

    @Override
    public void runStarted(CallStart first, String runId) {
        try {
            metrics.runStarted(first.library(), first.model(), first.runName());
        } catch (Throwable t) {
            AgentLog.problem("outputs", "metrics_failed", "run meters not updated: " + t.getClass().getSimpleName());
        }
    }

    /** Fans a finished run out to every output. Never throws. */
    @Override
    public void runFinished(CallRecord finished, RunProgress last) {
        if (finished == null) {
            return;
        }
        if (finished.run() != null) {
            idleShown.remove(finished.run().runId());
        }
        CallRecord record = annotated(finished);
        write(record);
        flightRecorder(record);
        try {
            metrics.runFinished(record, last, last == null ? Double.NaN : grams(last));
        } catch (Throwable t) {
            AgentLog.problem("outputs", "metrics_failed", "run meters not updated: " + t.getClass().getSimpleName());
        }
        try {
            groups.add(record);
        } catch (Throwable t) {
            AgentLog.problem("outputs", "group_failed", "group totals not updated: " + t.getClass().getSimpleName());
        }
        if (console) {
            try {
                AgentLog.info(ConsoleLine.format(record));
            } catch (Throwable t) {
                AgentLog.problem("outputs", "console_failed", "run line not printed: " + t.getClass().getSimpleName());
            }
        }
    }

    /** A call record ({@code records.detail=calls}): carbon and the records file only (its energy is in its run's). */
    @Override
    public void callFinished(CallRecord call) {
        if (call != null) {
            CallRecord record = annotated(call);
            write(record);
            flightRecorder(record);
        }
    }

    @Override
    public void runProgress(RunProgress progress) {
        if (progress == null) {
            return;
        }
        try {
            metrics.progress(progress, grams(progress));
        } catch (Throwable t) {
            AgentLog.problem("outputs", "metrics_failed", "run meters not updated: " + t.getClass().getSimpleName());
        }
        if (console) {
            try {
                // a run outlives its calls by runs.gap: between them its line must not claim it runs
                boolean running = metrics.callRunning(progress.library(), progress.model());
                boolean print = true;
                if (running) {
                    idleShown.remove(progress.runId());
                } else {
                    print = idleShown.add(progress.runId()); // the first interval of this idle stretch only
                }
                if (print) {
                    AgentLog.progress(ProgressLine.format(progress, running), terminal);
                }
            } catch (Throwable t) {
                AgentLog.problem("outputs", "console_failed", "progress line not printed: " + t.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void groupFinished(GroupEnd group) {
        if (group == null) {
            return;
        }
        try {
            String line = groups.end(group);
            if (console) {
                AgentLog.info(line);
            }
        } catch (Throwable t) {
            AgentLog.problem("outputs", "console_failed", "group line not printed: " + t.getClass().getSimpleName());
        }
    }

    /** Publishes a forecast: the two forecast gauges and one line on stderr. Never throws. */
    @Override
    public void forecast(CallForecast forecast) {
        if (forecast != null) {
            forecast(EnergyForecast.fromProgress(forecast.call().library(), forecast.call().model(), forecast.epochsCompleted(),
                    forecast.epochsPlanned(), forecast.secondsSoFar(), forecast.joulesSoFar(), forecast.forecastJoules()));
        }
    }

    /** Publishes a forecast: the two forecast gauges and one line on stderr. Never throws. */
    public void forecast(EnergyForecast forecast) {
        if (forecast == null) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            // the whole call at the mean intensity of its span so far
            CarbonFigures figures = carbon == null ? null
                    : carbon.figures(forecast.forecastJoules(), Math.min(forecast.callStartMillis(), now), now);
            metrics.forecast(forecast.library(), forecast.model(), forecast.forecastJoules(), figures == null ? 0 : figures.grams());
            if (console) {
                AgentLog.info(ForecastLine.format(forecast, figures));
            }
        } catch (Throwable t) {
            AgentLog.problem("outputs", "forecast_failed", "forecast not published: " + t.getClass().getSimpleName());
        }
    }

    private CallRecord annotated(CallRecord record) {
        try {
            return carbon == null ? record : carbon.annotate(record);
        } catch (Throwable t) {
            AgentLog.problem("carbon", "annotate_failed", "run published without grams: " + t.getClass().getSimpleName()
                    + ": " + t.getMessage());
            return record;
        }
    }

    private void flightRecorder(CallRecord record) {
        if (flightRecorder) {
            try {
                FlightRecorderEvents.commit(record);
            } catch (Throwable t) {
                AgentLog.problem("outputs", "jfr_failed", "JFR event not committed: " + t.getClass().getSimpleName());
            }
        }
    }

    private void write(CallRecord record) {
        if (writer != null) {
            try {
                writer.append(record);
            } catch (Throwable t) {
                AgentLog.problem("records", "write_failed", "record not written: " + t.getClass().getSimpleName());
            }
        }
    }

    /** Grams of a progress's energy over its span; NaN without carbon or on failure. */
    private double grams(RunProgress progress) {
        if (carbon == null) {
            return Double.NaN;
        }
        try {
            double joules = 0;
            for (ComponentEnergy e : progress.energySince()) {
                joules += e.joules();
            }
            return carbon.figures(joules, progress.sinceEpochMillis(), progress.nowEpochMillis()).grams();
        } catch (Throwable t) {
            AgentLog.problem("carbon", "annotate_failed", "progress published without grams: " + t.getClass().getSimpleName());
            return Double.NaN;
        }
    }

    /** Stops the carbon refresh thread. */
    @Override
    public void close() {
        try {
            if (carbon != null) {
                carbon.close();
            }
        } catch (Throwable t) {
            // shutting down: nothing to report to
        }
    }
}
