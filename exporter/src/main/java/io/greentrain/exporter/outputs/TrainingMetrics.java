package io.greentrain.exporter.outputs;

import io.greentrain.exporter.attribution.RunProgress;
import io.greentrain.exporter.metrics.MetricNames;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The training meters (names in {@link MetricNames}): energy, calls and emissions as runs progress and end; runs and
 * run duration when a run ends; the open runs by library, model and run name ({@code greentrain_training_run_info}, an
 * info-style gauge: 1 while one such run is open); active calls and epochs while they run; the forecast gauges. Every
 * label value goes through {@link MetricLabels}, so the series count stays bounded; no run id, call id, thread or pid
 * is ever a label.
 */
public final class TrainingMetrics {

    private final MeterRegistry registry;
    private final MetricLabels labels;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    /**
     * A mini-batch loop's calls follow one another within this (its iterator's next batch): a call that ended less
     * than this ago still counts as running for {@link #callRunning}, so a loop's progress line does not flicker.
     */
    static final long RUNNING_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Calls by library and model label (not a meter: the progress lines ask it, see {@link #callRunning}). */
    private final Map<String, ModelCalls> modelCalls = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Map<String, AtomicLong[]> forecasts = new ConcurrentHashMap<>();
    /** Bumped whenever a forecast holder is created, so {@link CallMeters} know when to look theirs up again. */
    private final AtomicInteger forecastHolders = new AtomicInteger();
    /**
     * The info series of the open runs, by label set, under its own lock (register and remove must not interleave):
     * how many such runs are open and the gauge registered when the first of them opened.
     */
    private final Map<String, OpenRuns> runInfo = new java.util.HashMap<>();

    /** The open runs of one info series. */
    private static final class OpenRuns {
        private final Meter gauge;
        private int open = 1;

        private OpenRuns(Meter gauge) {
            this.gauge = gauge;
        }
    }

    public TrainingMetrics(MeterRegistry registry, MetricLabels labels) {
        this(registry, labels, System::nanoTime);
    }

    /** @param nanoTime the clock of {@link #callRunning} (a test's fake clock) */
    TrainingMetrics(MeterRegistry registry, MetricLabels labels, LongSupplier nanoTime) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        for (String library : MetricLabels.LIBRARIES) {
            activeGauge(library); // all libraries at 0 from the start, so dashboards show flat lines, not gaps
        }
    }

    public MetricLabels labels() {
        return labels;
    }

    /**
     * The meters every call of one library and model touches, with its labels resolved once: a run's first call looks
     * them up, its later calls (each mini-batch of a hand-written loop) reuse them, so a call costs two atomic updates
     * and a volatile read here instead of label normalisation and map lookups.
     */
    public CallMeters callMeters(String library, String model) {
        String l = labels.library(library);
        String m = labels.model(model);
        return new CallMeters(activeGauge(l), modelCalls.computeIfAbsent(l + "\u0000" + m, k -> new ModelCalls(nanoTime.getAsLong())), l, m);
    }

    /**
     * Whether a call of this library and model runs: one is in flight, or one ended less than
     * {@link #RUNNING_GRACE_NANOS} ago (a mini-batch loop between two batches). Counted by {@link CallMeters}, so only
     * calls that went through {@link ObservedTrainingCalls} count. By label: the models reported as
     * {@value MetricLabels#OTHER} share one count, so a run of such a model reads as running while any of them runs.
     */
    public boolean callRunning(String library, String model) {
        ModelCalls calls = modelCalls.get(labels.library(library) + "\u0000" + labels.model(model));
        return calls != null && (calls.inFlight.get() > 0 || nanoTime.getAsLong() - calls.lastEndNanos < RUNNING_GRACE_NANOS);
    }

    /** The calls of one library and model label: how many are in flight, and when the last one ended. */
    private static final class ModelCalls {
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastEndNanos;

        ModelCalls(long now) {
            lastEndNanos = now - RUNNING_GRACE_NANOS; // none has ended yet
        }
    }

    /** See {@link #callMeters}. Thread-safe. */
    public final class CallMeters {
        private final AtomicInteger active;
        private final ModelCalls calls;
        private final String library;
        private final String model;
        private final String forecastKey;
        private volatile int holdersSeen = -1;
        private volatile AtomicLong[] forecast;

        private CallMeters(AtomicInteger active, ModelCalls calls, String library, String model) {
            this.active = active;
            this.calls = calls;
            this.library = library;
            this.model = model;
            this.forecastKey = library + "\u0000" + model;
        }

        /** One more epoch finished in such a call. */
        public void epochEnded() {
            epochs(library, model).increment();
        }

        /** A call began. */
        public void started() {
            active.incrementAndGet();
            calls.inFlight.incrementAndGet();
        }

        /** A call ended (whatever its outcome): one fewer active, and its forecast, if it had one, is over. */
        public void ended() {
            active.updateAndGet(n -> Math.max(0, n - 1));
            calls.lastEndNanos = nanoTime.getAsLong();
            calls.inFlight.updateAndGet(n -> Math.max(0, n - 1));
            int holders = forecastHolders.get();
            if (holders != holdersSeen) { // a forecast appeared somewhere since the last look: is it ours?
                forecast = forecasts.get(forecastKey);
                holdersSeen = holders;
            }
            AtomicLong[] holder = forecast;
            if (holder != null) {
                holder[0].set(Double.doubleToLongBits(0));
                holder[1].set(Double.doubleToLongBits(0));
            }
        }
    }

    /** One more epoch finished in a call of this library and model. */
    public void epochEnded(String library, String model) {
        epochs(labels.library(library), labels.model(model)).increment();
    }

    private Counter epochs(String library, String model) {
        return Counter.builder(MetricNames.TRAINING_EPOCHS).description("Epochs finished by training calls")
                .tag("library", library).tag("model", model).register(registry);
    }

    /**
     * Adds what a running run measured since its previous progress: energy per component and source, calls ended by
     * outcome, and {@code grams} (NaN: not known).
     */
    public void progress(RunProgress progress, double grams) {
        String library = labels.library(progress.library());
        String model = labels.model(progress.model());
        for (ComponentEnergy energy : progress.energySince()) {
            Counter.builder(MetricNames.TRAINING_ENERGY).baseUnit(MetricNames.JOULES)
                    .description("Energy charged to training runs, by component and where the number came from")
                    .tag("library", library).tag("model", model).tag("component", energy.component()).tag("source", energy.source())
                    .register(registry).increment(energy.joules());
        }
        String[] outcomes = {"success", "error", "interrupted"};
        for (int i = 0; i < outcomes.length; i++) {
            long calls = progress.callsSince(i);
            if (calls > 0) {
                Counter.builder(MetricNames.TRAINING_CALLS).description("Finished training calls (a mini-batch loop counts each fit)")
                        .tag("library", library).tag("model", model).tag("outcome", outcomes[i])
                        .register(registry).increment(calls);
            }
        }
        if (grams >= 0) {
            Counter.builder(MetricNames.TRAINING_EMISSIONS).baseUnit(MetricNames.GRAMS)
                    .description("Grams CO2e charged to training runs (energy x PUE x grid intensity)")
                    .tag("library", library).tag("model", model)
                    .register(registry).increment(grams);
        }
    }

    /**
     * Publishes a finished run: what it measured since its last progress ({@code last}, {@code lastGrams}), one more run
     * by outcome, and its duration.
     */
    public void runFinished(CallRecord run, RunProgress last, double lastGrams) {
        if (last != null) {
            progress(last, lastGrams);
        }
        String library = labels.library(run.library());
        String model = labels.model(run.model());
        String outcome = labels.outcome(run.outcome());
        Timer.builder(MetricNames.TRAINING_DURATION).description("Wall-clock duration of training runs (first call's start to last call's end)")
                .tag("library", library).tag("model", model).tag("outcome", outcome)
                .register(registry).record(Math.round(Math.max(0, run.durationSeconds()) * 1e9), TimeUnit.NANOSECONDS);
        Counter.builder(MetricNames.TRAINING_RUNS).description("Finished training runs")
                .tag("library", library).tag("model", model).tag("outcome", outcome)
                .register(registry).increment();
        runInfoEnded(run.library(), run.model(), run.run().runName());
    }

    /**
     * A run opened: {@code greentrain_training_run_info{library,model,run_name}} exists while such a run is open. An info
     * metric always reads 1 (the Prometheus client writes names ending in {@code _info} as info), so a finished run's
     * series is removed rather than set to 0. Runs with the same labels share one series: it is registered when the
     * first of them opens and removed when the last of them ends (registering it again while it exists would make
     * Micrometer warn "This Gauge has been already registered" for every such run).
     */
    public void runStarted(String library, String model, String runName) {
        String l = labels.library(library);
        String m = labels.model(model);
        String r = runNameLabel(runName);
        synchronized (runInfo) {
            OpenRuns open = runInfo.get(runInfoKey(l, m, r));
            if (open != null) {
                open.open++;
                return;
            }
            Meter gauge = Gauge.builder(MetricNames.TRAINING_RUN_INFO, () -> 1)
                    .description("Open training runs by library, model and run name (present while such a run is open)")
                    .tag("library", l).tag("model", m).tag("run_name", r)
                    .register(registry);
            runInfo.put(runInfoKey(l, m, r), new OpenRuns(gauge));
        }
    }

    private void runInfoEnded(String library, String model, String runName) {
        synchronized (runInfo) {
            String key = runInfoKey(labels.library(library), labels.model(model), runNameLabel(runName));
            OpenRuns open = runInfo.get(key);
            if (open == null || --open.open > 0) {
                return;
            }
            runInfo.remove(key);
            registry.remove(open.gauge);
        }
    }

    /** The key of an info series: its label values, already bounded. */
    private static String runInfoKey(String library, String model, String runName) {
        return library + "\u0000" + model + "\u0000" + runName;
    }

    /** Run names come from the API: bounded like model names. */
    private String runNameLabel(String runName) {
        return runName == null || runName.isEmpty() ? "" : labels.model(runName);
    }

    /** Sets the forecast of the whole call's energy and emissions for this library and model. */
    public void forecast(String library, String model, double joules, double grams) {
        AtomicLong[] holder = forecastHolder(labels.library(library), labels.model(model));
        holder[0].set(Double.doubleToLongBits(joules));
        holder[1].set(Double.doubleToLongBits(grams));
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
        String key = library + "\u0000" + model;
        AtomicLong[] existing = forecasts.get(key);
        if (existing != null) {
            return existing;
        }
        AtomicLong[] created = forecasts.computeIfAbsent(key, k -> {
            AtomicLong[] holder = {new AtomicLong(Double.doubleToLongBits(0)), new AtomicLong(Double.doubleToLongBits(0))};
            Gauge.builder(MetricNames.TRAINING_FORECAST_ENERGY, holder[0], v -> Double.longBitsToDouble(v.get()))
                    .baseUnit(MetricNames.JOULES).description("Forecast energy of the running call (0 when none runs)")
                    .tag("library", library).tag("model", model).register(registry);
            Gauge.builder(MetricNames.TRAINING_FORECAST_EMISSIONS, holder[1], v -> Double.longBitsToDouble(v.get()))
                    .baseUnit(MetricNames.GRAMS).description("Forecast grams CO2e of the running call (0 when none runs)")
                    .tag("library", library).tag("model", model).register(registry);
            return holder;
        });
        // after the insertion: a CallMeters that sees the new count finds the holder
        forecastHolders.incrementAndGet();
        return created;
    }
}
