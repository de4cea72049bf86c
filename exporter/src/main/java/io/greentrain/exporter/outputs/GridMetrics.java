package io.greentrain.exporter.outputs;

import io.greentrain.exporter.carbon.CarbonAccounting;
import io.greentrain.exporter.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Collections;

/**
 * {@code greentrain_grid_carbon_intensity_grams_per_kwh{zone,source}} (one series: the intensity in force,
 * re-labelled when the source changes, e.g. live to fallback) and {@code greentrain_pue}.
 */
public final class GridMetrics {

    private GridMetrics() {
    }

    public static void bind(MeterRegistry registry, CarbonAccounting carbon) {
        MultiGauge intensity = MultiGauge.builder(MetricNames.GRID_INTENSITY).baseUnit(MetricNames.GRAMS_PER_KWH)
                .description("Grid carbon intensity in force, with the zone and where the value came from")
                .register(registry);
        String zone = carbon.intensity().zone();
        carbon.intensity().onChange(reading -> intensity.register(Collections.singletonList(
                MultiGauge.Row.of(Tags.of("zone", zone, "source", reading.source()), reading.gramsPerKwh())), true));
        double pue = carbon.pue();
        Gauge.builder(MetricNames.PUE, () -> pue).description("Power usage effectiveness applied to energy for emissions")
                .register(registry);
    }
}
