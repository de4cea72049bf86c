package io.greentrain.exporter.outputs;

import io.greentrain.exporter.metrics.MetricNames;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-call Prometheus meters (names in {@link MetricNames}): energy, duration, calls and emissions when a
 * call finishes; active calls and epochs while it runs; the forecast gauges. Every label value goes through
 * {@link MetricLabels}, so the series count stays bounded; no call id, thread or pid is ever a label.
 */
public final class TrainingMetrics {

    private final MeterRegistry registry;
    private final MetricLabels labels;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> forecasts = new ConcurrentHashMap<>();

    public TrainingMetrics(MeterRegistry registry, MetricLabels labels) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.labels = Objects.requireNonNull(labels, "labels");
        for (String library : MetricLabels.LIBRARIES) {
            activeGauge(library); // all libraries at 0 from the start, so dashboards show flat lines, not gaps
        }
    }

    public MetricLabels labels() {
        return labels;
    }

    /** A call of this library began. */
    public void callStarted(String library) {
        activeGauge(labels.library(library)).incrementAndGet();
    }

    /** A call of this library ended (whatever its outcome). */
    public void callEnded(String library) {
        activeGauge(labels.library(library)).updateAndGet(n -> Math.max(0, n - 1));
    }

    /** One more epoch finished in a call of this library and model. */
    public void epochEnded(String library, String model) {
        Counter.builder(MetricNames.TRAINING_EPOCHS).description("Epochs finished by training calls")
                .tag("library", labels.library(library)).tag("model", labels.model(model))
                .register(registry).increment();
    }

    /** Publishes a finished call: energy per component and source, duration, count, and grams when annotated. */
    public void callFinished(CallRecord record) {
        String library = labels.library(record.library());
        String model = labels.model(record.model());
        String outcome = labels.outcome(record.outcome());
        for (ComponentEnergy energy : record.energy()) {
            Counter.builder(MetricNames.TRAINING_ENERGY).baseUnit(MetricNames.JOULES)
                    .description("Energy charged to training calls, by component and where the number came from")
                    .tag("library", library).tag("model", model).tag("component", energy.component()).tag("source", energy.source())
                    .register(registry).increment(energy.joules());
        }
        Timer.builder(MetricNames.TRAINING_DURATION).description("Wall-clock duration of training calls")
                .tag("library", library).tag("model", model).tag("outcome", outcome)
                .register(registry).record(Math.round(Math.max(0, record.durationSeconds()) * 1e9), TimeUnit.NANOSECONDS);
        Counter.builder(MetricNames.TRAINING_CALLS).description("Finished training calls")
                .tag("library", library).tag("model", model).tag("outcome", outcome)
                .register(registry).increment();
        if (record.carbon() != null) {
            Counter.builder(MetricNames.TRAINING_EMISSIONS).baseUnit(MetricNames.GRAMS)
                    .description("Grams CO2e charged to training calls (energy x PUE x grid intensity)")
                    .tag("library", library).tag("model", model)
                    .register(registry).increment(record.carbon().grams());
        }
    }

    /** Sets the forecast of the whole call's energy and emissions for this library and model. */
    public void forecast(String library, String model, double joules, double grams) {
        AtomicLong[] holder = forecastHolder(labels.library(library), labels.model(model));
        holder[0].set(Double.doubleToLongBits(joules));
        holder[1].set(Double.doubleToLongBits(grams));
    }

    /**
     * The call ended: its forecast no longer applies. Models that never had a forecast (no epochs, e.g. every
     * Tribuo and Smile call) get no forecast series at all.
     */
    public void forecastCleared(String library, String model) {
        AtomicLong[] holder = forecasts.get(labels.library(library) + "\u0000" + labels.model(model));
        if (holder != null) {
            holder[0].set(Double.doubleToLongBits(0));
            holder[1].set(Double.doubleToLongBits(0));
        }
    }

    private AtomicInteger activeGauge(String library) {
        return active.computeIfAbsent(library, l -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(MetricNames.TRAINING_ACTIVE, count, AtomicInteger::doubleValue)
                    .description("Training calls in progress").tag("library", l).register(registry);
            return count;
        });
    }

    private AtomicLong[] forecastHolder(String library, String model) {
        return forecasts.computeIfAbsent(library + "\u0000" + model, key -> {
            AtomicLong[] holder = {new AtomicLong(Double.doubleToLongBits(0)), new AtomicLong(Double.doubleToLongBits(0))};
            Gauge.builder(MetricNames.TRAINING_FORECAST_ENERGY, holder[0], v -> Double.longBitsToDouble(v.get()))
                    .baseUnit(MetricNames.JOULES).description("Forecast energy of the running call (0 when none runs)")
                    .tag("library", library).tag("model", model).register(registry);
            Gauge.builder(MetricNames.TRAINING_FORECAST_EMISSIONS, holder[1], v -> Double.longBitsToDouble(v.get()))
                    .baseUnit(MetricNames.GRAMS).description("Forecast grams CO2e of the running call (0 when none runs)")
                    .tag("library", library).tag("model", model).register(registry);
            return holder;
        });
    }
}
