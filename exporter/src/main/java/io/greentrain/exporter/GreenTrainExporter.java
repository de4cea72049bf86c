package io.greentrain.exporter;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.attribution.RunAttributor;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.metrics.ContainerLabels;
import io.greentrain.exporter.metrics.DiscoveryTarget;
import io.greentrain.exporter.metrics.OtlpPush;
import io.greentrain.exporter.metrics.PushgatewayExit;
import io.greentrain.exporter.metrics.SparkLabels;
import io.greentrain.exporter.metrics.PrometheusEndpoint;
import io.greentrain.exporter.metrics.ProcessMetrics;
import io.greentrain.exporter.outputs.TrainingOutputs;
import io.greentrain.exporter.outputs.EnergyMetrics;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.SensorDetection;
import io.greentrain.exporter.sensors.SensorSet;
import io.greentrain.exporter.status.AgentLog;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.List;
import java.util.function.Consumer;

/**
 * The exporter as one object: sensors, attribution, carbon and outputs wired in the order data flows
 * (see the package names), plus the Prometheus endpoint. The agent starts one per JVM on a background
 * thread; library users can start one themselves and report calls through {@link #trainingCalls()}.
 */
public final class GreenTrainExporter implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final PrometheusEndpoint endpoint;
    private final TrainingCalls trainingCalls;
    private final RunAttributor attributor;
    private final TrainingOutputs outputs;
    private final EnergySampler sampler;
    private final PublishQueue published;
    /** Micrometer registry every meter is bound to: Prometheus, plus OTLP when configured. */
    private final MeterRegistry meters;
    private final OtlpMeterRegistry otlp;
    private final DiscoveryTarget discovery;
    private final PushgatewayExit exitPush;

    /** How long {@link #close()} lets queued records reach the records file. */
    private static final long CLOSE_FLUSH_MILLIS = 5_000;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private GreenTrainExporter(PrometheusMeterRegistry registry, MeterRegistry meters, OtlpMeterRegistry otlp, PrometheusEndpoint endpoint,
                               TrainingCalls trainingCalls, RunAttributor attributor, TrainingOutputs outputs, EnergySampler sampler,
                               PublishQueue published, DiscoveryTarget discovery, PushgatewayExit exitPush) {
        this.registry = registry;
        this.meters = meters;
        this.otlp = otlp;
        this.endpoint = endpoint;
        this.trainingCalls = trainingCalls;
        this.attributor = attributor;
        this.outputs = outputs;
        this.sampler = sampler;
        this.published = published;
        this.discovery = discovery;
        this.exitPush = exitPush;
    }

    /** Starts everything the configuration asks for; parts that cannot start degrade with one warning. */
    public static GreenTrainExporter start(GreenTrainConfig config) {
        return start(config, measuring -> { });
    }

    /**
     * Starts measurement first and the outputs after it: {@code measuring} receives the attributor as soon as the sensors
     * are up (a few hundred ms before the registry, endpoint and records file), so an agent can measure calls that begin
     * while the rest starts. Finished runs are published on {@code greentrain-outputs} ({@link #flush} waits for them);
     * those that end before the outputs are up are kept and published once they are.
     */
    public static GreenTrainExporter start(GreenTrainConfig config, Consumer<TrainingCalls> measuring) {
        AgentLog.setLevel(config.get(Options.LOG_LEVEL));
        EnergySampler sampler = startSensors(config);
        PublishQueue published = new PublishQueue();
        JvmIdentity identity = JvmIdentity.ofThisJvm();
        RunAttributor attributor = sampler == null ? null : new RunAttributor(sampler, published, identity,
                RunAttributor.jvmThreadCpuClock(), "calls".equals(config.get(Options.RECORDS_DETAIL)), config.get(Options.RUNS_GAP),
                config.get(Options.PROGRESS_INTERVAL));
        TrainingCalls calls = attributor == null ? TrainingCalls.NONE : attributor;
        if (attributor != null) {
            published.housekeeping(attributor::tick);
        }
        measuring.accept(calls);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProcessMetrics.registerBuildInfo(registry.getPrometheusRegistry());
        OtlpMeterRegistry otlp = OtlpPush.start(config);
        // one set of meters, two ways out: the composite hands every meter to the /metrics registry and to OTLP
        MeterRegistry meters = otlp == null ? registry : new CompositeMeterRegistry(Clock.SYSTEM, List.of(registry, otlp));
        // before any meter exists: common tags apply only to meters registered after them
        meters.config().commonTags(SparkLabels.commonTags(identity.sparkApp()));
        meters.config().commonTags(ContainerLabels.commonTags(identity.containerId()));
        new ProcessMetrics().bindTo(meters);
        if (sampler != null) {
            new EnergyMetrics(sampler).bindTo(meters);
        }
        PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry.getPrometheusRegistry(), config);
        DiscoveryTarget discovery = endpoint == null ? null : DiscoveryTarget.announce(config, endpoint.port(), identity);
        PushgatewayExit exitPush = PushgatewayExit.configured(config, registry.getPrometheusRegistry(), identity.sparkApp(),
                identity.host(), identity.pid());
        // every finished run: carbon -> records file -> meters -> stderr line; observe(...) adds the active-call and
        // epoch meters
        TrainingOutputs outputs = TrainingOutputs.start(config, meters, identity);
        published.release(outputs);
        return new GreenTrainExporter(registry, meters, otlp, endpoint, outputs.observe(calls), attributor, outputs, sampler, published,
                discovery, exitPush);
    }

    /** Detects the sensors once and starts the sampler thread; null (after one warning) on failure. */
    private static EnergySampler startSensors(GreenTrainConfig config) {
        try {
            SensorSet sensors = SensorDetection.detect(config, System.getenv());
            sensors.logDiagnoses();
            return EnergySampler.start(sensors, config.get(Options.SAMPLE_INTERVAL));
        } catch (RuntimeException | LinkageError e) {
            AgentLog.problem("sensors", "start_failed", "energy sensors not started (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); training calls are not measured");
            return null;
        }
    }

    /** The energy sampler: fresh counter snapshots ({@link EnergySampler#sampleNow()}); null when the sensors could not start. */
    public EnergySampler sampler() {
        return sampler;
    }

    public TrainingCalls trainingCalls() {
        return trainingCalls;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The registry every GreenTrain meter is bound to (the Prometheus one, or a composite with OTLP). */
    public MeterRegistry meters() {
        return meters;
    }

    /** The bound port of the metrics endpoint, or -1 when it is not running. */
    public int endpointPort() {
        return endpoint == null ? -1 : endpoint.port();
    }

    /** Waits until every run that has ended is published (records file, meters, line); false after {@code timeoutMillis}. */
    public boolean flush(long timeoutMillis) {
        return published.flush(timeoutMillis);
    }

    /** Ends every open run and group now, as at exit: their records are published (see {@link #flush}). */
    public void endRuns() {
        if (attributor != null) {
            attributor.endAll();
        }
    }

    /**
     * Withdraws the discovery target, ends the open runs, publishes what is still queued (bounded), pushes the final
     * values where configured, then stops sensors, outputs and the endpoint.
     */
    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
        endRuns();
        published.close(CLOSE_FLUSH_MILLIS);
        if (exitPush != null) {
            exitPush.push(); // after the last runs reached the meters: these are the JVM's final values
        }
        if (otlp != null) {
            try {
                otlp.close(); // one last push, with the runs just ended, before the sensors stop
            } catch (RuntimeException e) {
                AgentLog.problem("otlp", "close_failed", "last OTLP push failed: " + e.getClass().getSimpleName());
            }
        }
        if (sampler != null) {
            sampler.close();
        }
        outputs.close();
        if (endpoint != null) {
            endpoint.close();
        }
        registry.close();
    }
}
