package io.greentrain.exporter.metrics;

/**
 * Every metric GreenTrain publishes, as Micrometer names. Micrometer's Prometheus naming adds the base
 * unit and {@code _total}: {@code greentrain.host.energy} with base unit {@code joules} as a counter is
 * scraped as {@code greentrain_host_energy_joules_total}. The Prometheus names are in the comments; the
 * Grafana dashboard and alert rules use them and a test checks they exist in a real scrape.
 *
 * <p>Labels are bounded: component (cpu, dram, gpu), source (rapl, nvml, estimate), library
 * (dl4j, smile, tribuo, subset), model (simple class names up to a limit, then "other"), outcome
 * (success, error, interrupted), zone (one per process), device (GPU index).
 */
public final class MetricNames {

    private MetricNames() {
    }

    public static final String JOULES = "joules";
    public static final String SECONDS = "seconds";
    public static final String GRAMS = "grams";

    /** {@code greentrain_build_info{version,java_version}} (client_java Info). */
    public static final String BUILD_INFO = "greentrain_build";
    /** {@code greentrain_process_cpu_seconds_total}: CPU time of the whole JVM process. */
    public static final String PROCESS_CPU = "greentrain.process.cpu";
    /** {@code greentrain_agent_cpu_seconds_total}: CPU time of GreenTrain's own threads. */
    public static final String AGENT_CPU = "greentrain.agent.cpu";
    /** {@code greentrain_agent_errors_total{component,reason}}: degradations. */
    public static final String AGENT_ERRORS = "greentrain.agent.errors";

    /** {@code greentrain_host_energy_joules_total{component,source[,device]}}. */
    public static final String HOST_ENERGY = "greentrain.host.energy";
    /** {@code greentrain_process_energy_joules_total{component,source[,device]}}. */
    public static final String PROCESS_ENERGY = "greentrain.process.energy";
    /** {@code greentrain_sensor_info{component,source}} = 1 per component with the source in use. */
    public static final String SENSOR_INFO = "greentrain.sensor.info";
    /**
     * {@code greentrain_estimate_band_ratio{component,source,bound}} (gauge): the low and high factors of a modelled
     * component's band ({@code bound} = low or high), present only for components the estimate covers. Multiply
     * an energy series by it for the range: {@code greentrain_process_energy_joules_total * on (component, source)
     * group_left greentrain_estimate_band_ratio{bound="high"}}.
     */
    public static final String ESTIMATE_BAND = "greentrain.estimate.band";
    public static final String RATIO = "ratio";

    /** {@code greentrain_training_energy_joules_total{library,model,component,source}}. */
    public static final String TRAINING_ENERGY = "greentrain.training.energy";
    /** {@code greentrain_training_duration_seconds{library,model,outcome}} (timer). */
    public static final String TRAINING_DURATION = "greentrain.training.duration";
    /** {@code greentrain_training_calls_total{library,model,outcome}}. */
    public static final String TRAINING_CALLS = "greentrain.training.calls";
    /** {@code greentrain_training_runs_total{library,model,outcome}}. */
    public static final String TRAINING_RUNS = "greentrain.training.runs";
    /** {@code greentrain_training_run_info{library,model,run_name}} (gauge, 1 while such a run is open). */
    public static final String TRAINING_RUN_INFO = "greentrain.training.run.info";
    /** {@code greentrain_training_active{library}}. */
    public static final String TRAINING_ACTIVE = "greentrain.training.active";
    /** {@code greentrain_training_epochs_total{library,model}}. */
    public static final String TRAINING_EPOCHS = "greentrain.training.epochs";
    /** {@code greentrain_training_forecast_energy_joules{library,model}}. */
    public static final String TRAINING_FORECAST_ENERGY = "greentrain.training.forecast.energy";
    /** {@code greentrain_training_forecast_emissions_grams{library,model}}. */
    public static final String TRAINING_FORECAST_EMISSIONS = "greentrain.training.forecast.emissions";

    /** {@code greentrain_training_emissions_grams_total{library,model}}. */
    public static final String TRAINING_EMISSIONS = "greentrain.training.emissions";
    /** {@code greentrain_process_emissions_grams_total}. */
    public static final String PROCESS_EMISSIONS = "greentrain.process.emissions";
    /** {@code greentrain_grid_carbon_intensity_grams_per_kwh{zone,source}}. */
    public static final String GRID_INTENSITY = "greentrain.grid.carbon.intensity";
    public static final String GRAMS_PER_KWH = "grams_per_kwh";
    /** {@code greentrain_pue}. */
    public static final String PUE = "greentrain.pue";
}
