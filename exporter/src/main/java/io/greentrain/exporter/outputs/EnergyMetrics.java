package io.greentrain.exporter.outputs;

import io.greentrain.exporter.metrics.MetricNames;
import io.greentrain.exporter.records.EstimateBand;
import io.greentrain.exporter.sensors.Component;
import io.greentrain.exporter.sensors.EnergyChannel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes the sampler's counters, registering only the channels the host can measure:
 * <ul>
 *   <li>{@code greentrain_host_energy_joules_total{component,source[,device]}}: what the component drew;</li>
 *   <li>{@code greentrain_process_energy_joules_total{component,source[,device,split]}}: this process's
 *       share; GPU series carry {@code split="measured"} (exclusive use or per-process utilisation) or
 *       {@code split="unsplit"} (the device could not be split, see {@link GpuProcessShare});</li>
 *   <li>{@code greentrain_sensor_info{component,source}} = 1 for each component's source in use.</li>
 * </ul>
 * Counters read the latest snapshot (no IO on scrape) and never throw.
 */
public final class EnergyMetrics implements MeterBinder {

    private final EnergySampler sampler;

    public EnergyMetrics(EnergySampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Set<String> infos = new LinkedHashSet<>();
        for (int i = 0; i < sampler.channels().size(); i++) {
            EnergyChannel channel = sampler.channels().get(i);
            Tags tags = Tags.of("component", channel.component().label(), "source", channel.source().label());
            if (!channel.device().isEmpty()) {
                tags = tags.and("device", channel.device());
            }
            final int index = i;
            FunctionCounter.builder(MetricNames.HOST_ENERGY, sampler, s -> read(s, index, Reading.HOST))
                    .baseUnit(MetricNames.JOULES).tags(tags)
                    .description("Energy drawn by the host's CPU packages, DRAM and GPUs, by source (rapl/nvml measured, estimate modelled)")
                    .register(registry);
            String processDescription = "This process's share of the host energy (CPU time, resident memory, GPU process data)";
            if (channel.component() == Component.GPU) {
                FunctionCounter.builder(MetricNames.PROCESS_ENERGY, sampler, s -> read(s, index, Reading.PROCESS_MEASURED))
                        .baseUnit(MetricNames.JOULES).tags(tags.and("split", "measured")).description(processDescription).register(registry);
                FunctionCounter.builder(MetricNames.PROCESS_ENERGY, sampler, s -> read(s, index, Reading.PROCESS_UNSPLIT))
                        .baseUnit(MetricNames.JOULES).tags(tags.and("split", "unsplit")).description(processDescription).register(registry);
            } else {
                FunctionCounter.builder(MetricNames.PROCESS_ENERGY, sampler, s -> read(s, index, Reading.PROCESS))
                        .baseUnit(MetricNames.JOULES).tags(tags).description(processDescription).register(registry);
            }
            String info = channel.component().label() + "\u0000" + channel.source().label();
            if (infos.add(info)) {
                Gauge.builder(MetricNames.SENSOR_INFO, () -> 1)
                        .tags("component", channel.component().label(), "source", channel.source().label())
                        .description("1 for each component with the source its energy comes from")
                        .register(registry);
                if (EstimateBand.applies(channel.source().label())) {
                    bindBand(registry, channel.component().label(), channel.source().label());
                }
            }
        }
    }

    /** The band of a modelled component: two constant gauges, so a dashboard can draw the range of any energy series. */
    private static void bindBand(MeterRegistry registry, String component, String source) {
        String description = "Factors of a modelled figure's band: the true energy lies between bound=low and bound=high times it";
        double low = EstimateBand.low(component, source);
        double high = EstimateBand.high(component, source);
        Gauge.builder(MetricNames.ESTIMATE_BAND, () -> low).baseUnit(MetricNames.RATIO).description(description)
                .tags("component", component, "source", source, "bound", "low").register(registry);
        Gauge.builder(MetricNames.ESTIMATE_BAND, () -> high).baseUnit(MetricNames.RATIO).description(description)
                .tags("component", component, "source", source, "bound", "high").register(registry);
    }

    private enum Reading { HOST, PROCESS, PROCESS_MEASURED, PROCESS_UNSPLIT }

    private static double read(EnergySampler sampler, int index, Reading reading) {
        try {
            EnergySnapshot snapshot = sampler.latest();
            switch (reading) {
                case HOST:
                    return snapshot.hostJoules(index);
                case PROCESS:
                    return snapshot.processJoules(index);
                case PROCESS_MEASURED:
                    return Math.max(0, snapshot.processJoules(index) - snapshot.processUnsplitJoules(index));
                default:
                    return snapshot.processUnsplitJoules(index);
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
