package io.greentrain.exporter.outputs;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.RecordFormat;
import io.greentrain.exporter.status.AgentLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a finished call goes: the sink the attributor delivers {@link CallRecord}s to. In order: carbon
 * annotation (grams, zone, intensity source, PUE), one line in the records file, the Prometheus meters, the
 * stderr line. Each stage is guarded on its own, so a failing stage costs only its own output, and nothing
 * is ever thrown into the training thread. Forecasts ({@link #forecast}) set the forecast gauges and print
 * a line.
 *
 * <p>Wiring: {@code outputs = TrainingOutputs.start(config, registry)}; give the attributor {@code outputs}
 * as its {@code Consumer<CallRecord>} (and {@code outputs::forecast} for forecasts); hand the agent
 * {@code outputs.observe(attributor)}; {@code close()} on shutdown.
 */
public final class TrainingOutputs implements Consumer<CallRecord>, AutoCloseable {

    private final CarbonAccounting carbon;
    private final CallRecordWriter writer;
    private final TrainingMetrics metrics;
    private final boolean console;
    /** Kept here because Micrometer holds the counter's state weakly: without this it stops at the first GC. */
    private ProcessEmissions processEmissions;

    /**
     * @param carbon null only when the carbon stage could not start (records then carry no carbon figures)
     * @param writer null when records are disabled
     */
    public TrainingOutputs(CarbonAccounting carbon, CallRecordWriter writer, TrainingMetrics metrics, boolean console) {
        this.carbon = carbon;
        this.writer = writer;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.console = console;
    }

    /** Builds every output the configuration asks for and binds the carbon meters. Never throws. */
    public static TrainingOutputs start(GreenTrainConfig config, MeterRegistry registry) {
        CarbonAccounting carbon;
        try {
            carbon = CarbonAccounting.fromConfig(config);
        } catch (RuntimeException e) {
            // only a damaged jar (intensity table missing) gets here: publish energy, and say why grams are absent
            AgentLog.problem("carbon", "table_unavailable", "carbon intensity table unavailable (" + e.getMessage()
                    + "); calls are published without grams");
            carbon = null;
        }
        TrainingMetrics metrics = new TrainingMetrics(registry, new MetricLabels(config.get(Options.MODEL_LABEL_LIMIT)));
        TrainingOutputs outputs = new TrainingOutputs(carbon, recordsWriter(config), metrics, config.get(Options.CONSOLE_ENABLED));
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

    private static CallRecordWriter recordsWriter(GreenTrainConfig config) {
        String file = config.get(Options.RECORDS_FILE).trim();
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

    /** Fans a finished call out to every output. Never throws. */
    @Override
    public void accept(CallRecord finished) {
        if (finished == null) {
            return;
        }
        CallRecord record = finished;
        try {
            record = carbon == null ? finished : carbon.annotate(finished);
        } catch (Throwable t) {
            AgentLog.problem("carbon", "annotate_failed", "call published without grams: " + t.getClass().getSimpleName()
                    + ": " + t.getMessage());
        }
        if (writer != null) {
            try {
                writer.append(record);
            } catch (Throwable t) {
                AgentLog.problem("records", "write_failed", "call record not written: " + t.getClass().getSimpleName());
            }
        }
        try {
            metrics.callFinished(record);
        } catch (Throwable t) {
            AgentLog.problem("outputs", "metrics_failed", "call meters not updated: " + t.getClass().getSimpleName());
        }
        if (console) {
            try {
                AgentLog.info(ConsoleLine.format(record));
            } catch (Throwable t) {
                AgentLog.problem("outputs", "console_failed", "call line not printed: " + t.getClass().getSimpleName());
            }
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
