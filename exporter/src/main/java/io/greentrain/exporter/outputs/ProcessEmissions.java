package io.greentrain.exporter.outputs;

import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.metrics.MetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code greentrain_process_emissions_grams_total}: grams CO2e of all the energy the JVM process used, training
 * or not. It reads the sensors' {@code greentrain_process_energy_joules_total} counters (by name, so it needs no
 * sensor class) whenever it is scraped, and charges the joules added since the previous scrape at the intensity
 * averaged over that interval. Before any process energy counter exists it reports 0.
 */
public final class ProcessEmissions {

    private final MeterRegistry registry;
    private final CarbonAccounting carbon;
    private final LongSupplier clock;
    private double lastJoules;
    private long lastMillis;
    private double grams;

    public ProcessEmissions(MeterRegistry registry, CarbonAccounting carbon, LongSupplier clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.carbon = Objects.requireNonNull(carbon, "carbon");
        this.clock = Objects.requireNonNull(clock, "clock");
        // the process counters start near JVM start, like this object: charge their first value from now back
        this.lastMillis = clock.getAsLong();
    }

    /**
     * Registers the counter. Micrometer holds a function counter's state object weakly: the caller must keep this
     * object for as long as the counter should count (TrainingOutputs does).
     */
    public void bind() {
        FunctionCounter.builder(MetricNames.PROCESS_EMISSIONS, this, ProcessEmissions::grams).baseUnit(MetricNames.GRAMS)
                .description("Grams CO2e of the whole JVM process's energy (PUE and grid intensity applied)")
                .register(registry);
    }

    /** Grams so far; brings the total up to date first. Never throws. */
    public synchronized double grams() {
        try {
            double joules = processJoules();
            long now = clock.getAsLong();
            if (!Double.isNaN(joules)) {
                if (joules > lastJoules) {
                    grams += carbon.figures(joules - lastJoules, lastMillis, now).grams();
                }
                // a counter that went down was re-created by the sensors: continue from its new value
                lastJoules = joules;
                lastMillis = now;
            }
        } catch (RuntimeException e) {
            // keep the last total; a scrape must not fail because of us
        }
        return grams;
    }

    private double processJoules() {
        double sum = 0;
        boolean any = false;
        for (Meter meter : registry.find(MetricNames.PROCESS_ENERGY).meters()) {
            for (Measurement m : meter.measure()) {
                if ((m.getStatistic() == Statistic.COUNT || m.getStatistic() == Statistic.TOTAL) && m.getValue() >= 0) {
                    sum += m.getValue();
                    any = true;
                }
            }
        }
        return any ? sum : Double.NaN;
    }
}
