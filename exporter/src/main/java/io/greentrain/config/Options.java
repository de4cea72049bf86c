package io.greentrain.config;

import static io.greentrain.config.ValueType.bool;
import static io.greentrain.config.ValueType.decimal;
import static io.greentrain.config.ValueType.duration;
import static io.greentrain.config.ValueType.httpUrl;
import static io.greentrain.config.ValueType.integer;
import static io.greentrain.config.ValueType.oneOf;
import static io.greentrain.config.ValueType.text;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every GreenTrain configuration option, in one table. Components receive the resolved
 * {@link GreenTrainConfig}; nobody reads system properties or the environment on their own.
 */
public final class Options {

    private Options() {
    }

    // --- general -----------------------------------------------------------------------------------
    public static final Option<Boolean> ENABLED = Option.of("greentrain.enabled", bool(), true, "true",
            "Master switch. false: the agent installs nothing and starts no thread.");
    public static final Option<String> CONFIG_FILE = Option.of("greentrain.config", text(), "", "",
            "Path of a properties file with greentrain.* keys (lowest precedence above defaults).");
    public static final Option<String> LOG_LEVEL = Option.of("greentrain.log.level", oneOf("error", "warn", "info", "debug"),
            "info", "info", "Which greentrain: lines are printed on stderr.");
    public static final Option<Boolean> CONSOLE_ENABLED = Option.of("greentrain.console.enabled", bool(), true, "true",
            "Print one human line per training run on stderr when it ends, and its progress while it runs.");
    public static final Option<Boolean> JFR_ENABLED = Option.of("greentrain.jfr.enabled", bool(), true, "true",
            "Commit a JDK Flight Recorder event (greentrain.TrainingRun, and greentrain.TrainingCall with records.detail=calls)"
                    + " when a run ends, while a recording runs (-XX:StartFlightRecording or jcmd JFR.start); nothing without one.");
    public static final Option<String> OTLP_ENABLED = Option.of("greentrain.otlp.enabled", oneOf("auto", "true", "false"), "auto", "auto",
            "Push the metrics over OTLP/HTTP (protobuf) with Micrometer's OTLP registry. auto: when an endpoint is configured"
                    + " the OpenTelemetry way (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_METRICS_ENDPOINT, or the"
                    + " otel.exporter.otlp.endpoint / otel.exporter.otlp.metrics.endpoint properties) and OTEL_METRICS_EXPORTER is"
                    + " not none. The standard OTEL_* variables and otel.* properties set the endpoint, headers, interval, resource"
                    + " attributes and service name.");
    public static final Option<Boolean> EAGER = Option.of("greentrain.eager", bool(), false, "false",
            "true: start sensors, endpoint and records at JVM start (a service scraped before it trains). false: the agent"
                    + " stays dormant (no thread, port or file) until a training library loads.");
    public static final Option<Duration> STARTUP_WAIT = Option.of("greentrain.startup.wait",
            duration(Duration.ZERO, Duration.ofSeconds(60)), Duration.ofSeconds(5), "5s",
            "Longest a training call that begins while the sensors start waits for them (once per JVM; 0: never wait, such a"
                    + " call is charged from when they are up).");

    // --- Prometheus endpoint -------------------------------------------------------------------------
    public static final Option<Boolean> PROMETHEUS_ENABLED = Option.of("greentrain.prometheus.enabled", bool(), true, "true",
            "Serve /metrics and /-/healthy over HTTP.");
    public static final Option<Integer> PROMETHEUS_PORT = Option.of("greentrain.prometheus.port", integer(0, 65535), 9469, "9469",
            "Port of the metrics endpoint; 0 picks a free port and logs it.");
    public static final Option<String> PROMETHEUS_HOST = Option.of("greentrain.prometheus.host", text(), "0.0.0.0", "0.0.0.0",
            "Bind address. The default lets a Prometheus on another host scrape; use 127.0.0.1 to keep it local.");
    public static final Option<String> PROMETHEUS_TLS_KEYSTORE = Option.of("greentrain.prometheus.tls.keystore", text(), "", "",
            "PKCS12 or JKS keystore file; when set the endpoint serves HTTPS only.");
    public static final Option<String> PROMETHEUS_TLS_KEYSTORE_PASSWORD = Option.secret("greentrain.prometheus.tls.keystore.password",
            "Password of the keystore (secret: never logged).");
    public static final Option<String> PROMETHEUS_AUTH_USER = Option.of("greentrain.prometheus.auth.user", text(), "", "",
            "User name for HTTP basic auth; empty disables auth.");
    public static final Option<String> PROMETHEUS_AUTH_PASSWORD = Option.secret("greentrain.prometheus.auth.password",
            "Password for HTTP basic auth (secret: never logged).");

    // --- fleet: discovery and final values --------------------------------------------------------
    public static final Option<String> DISCOVERY_DIR = Option.of("greentrain.discovery.dir", text(), "", "",
            "Directory for Prometheus file-based service discovery (file_sd_configs): the agent writes one target file per"
                    + " JVM (greentrain-<host>-<pid>.json, atomically) once its endpoint is up and removes it at exit; files"
                    + " of JVMs on this host that died without exiting are removed too. Empty: off. Use with"
                    + " greentrain.prometheus.port=0 where several JVMs share a host.");
    public static final Option<String> DISCOVERY_ADDRESS = Option.of("greentrain.discovery.address", text(), "", "",
            "Host name or IP Prometheus should scrape, written to the target file. Empty: the endpoint's bind address when"
                    + " it is a specific one, else this host's name.");
    public static final Option<String> PUSHGATEWAY_URL = Option.of("greentrain.pushgateway.url", httpUrl(), "", "",
            "Prometheus Pushgateway that receives the final values of every GreenTrain metric at exit (a PUT under job"
                    + " greentrain.pushgateway.job, grouped by Spark application and executor, or by host and pid outside"
                    + " Spark), so a JVM that ends between two scrapes is still counted. Empty: off.");
    public static final Option<String> PUSHGATEWAY_JOB = Option.of("greentrain.pushgateway.job", text(), "greentrain", "greentrain",
            "Job name of the Pushgateway grouping key.");
    public static final Option<Duration> PUSHGATEWAY_TIMEOUT = Option.of("greentrain.pushgateway.timeout",
            duration(Duration.ofMillis(100), Duration.ofSeconds(30)), Duration.ofSeconds(3), "3s",
            "Longest the exit push may take (connect and response); the JVM's exit waits at most this long for it.");

    // --- sensors ------------------------------------------------------------------------------------
    public static final Option<Duration> SAMPLE_INTERVAL = Option.of("greentrain.sample.interval",
            duration(Duration.ofMillis(100), Duration.ofSeconds(60)), Duration.ofSeconds(1), "1s",
            "How often the sampler reads every energy counter.");
    public static final Option<String> RAPL_ROOT = Option.of("greentrain.rapl.root", text(), "", "",
            "Directory laid out like /sys/class/powercap; empty searches /sys/class/powercap and /sys/devices/virtual/powercap.");
    public static final Option<String> HYPERVISOR_ROOT = Option.of("greentrain.hypervisor.root", text(), "/var/scaphandre", "/var/scaphandre",
            "In a virtual machine without RAPL: the directory where the host's per-VM energy counter is mounted (Scaphandre's"
                    + " qemu exporter layout, intel-rapl:0/energy_uj in microjoules); empty disables. Read before falling back to the"
                    + " estimate.");
    public static final Option<String> CGROUP_ROOT = Option.of("greentrain.cgroup.root", text(), "/sys/fs/cgroup", "/sys/fs/cgroup",
            "In a container that sees the host's RAPL (its powercap tree mounted read-only): the cgroup v2 mount whose"
                    + " cpu.stat gives the container's share of the host's CPU energy (source rapl-cgroup). Used only when"
                    + " /proc/self/cgroup shows cgroup v2 and a container (an id, or a cgroup namespace); empty disables, and"
                    + " the host-wide RAPL figure is reported (source rapl).");
    public static final Option<Boolean> GPU_ENABLED = Option.of("greentrain.gpu.enabled", bool(), true, "true",
            "Read NVIDIA GPUs through NVML when the library is present.");
    public static final Option<String> NVML_LIBRARY = Option.of("greentrain.nvml.library", text(), "libnvidia-ml.so.1",
            "libnvidia-ml.so.1", "NVML shared library name or absolute path.");
    public static final Option<Double> ESTIMATE_CPU_WATTS = Option.of("greentrain.estimate.cpu.watts",
            decimal(0, 10_000), 0.0, "0",
            "TDP in watts for the CPU estimate when RAPL is unreadable; 0 looks the CPU model up in the TDP table.");
    public static final Option<Double> ESTIMATE_DRAM_WATTS_PER_GB = Option.of("greentrain.estimate.dram.watts.per.gb",
            decimal(0, 100), 0.375, "0.375",
            "DRAM power model (watts per GB of installed memory) when RAPL has no dram zone.");

    // --- instrumentation ----------------------------------------------------------------------------
    public static final Option<Boolean> DL4J_ENABLED = Option.of("greentrain.instrumentation.dl4j.enabled", bool(), true, "true",
            "Find DL4J training calls (MultiLayerNetwork/ComputationGraph fit, ParallelWrapper, early stopping).");
    public static final Option<Boolean> SMILE_ENABLED = Option.of("greentrain.instrumentation.smile.enabled", bool(), true, "true",
            "Find Smile training calls (static fit/train methods returning a model).");
    public static final Option<Boolean> TRIBUO_ENABLED = Option.of("greentrain.instrumentation.tribuo.enabled", bool(), true, "true",
            "Find Tribuo training calls (Trainer.train implementations).");
    public static final Option<Boolean> SUBSET_ENABLED = Option.of("greentrain.instrumentation.subset.enabled", bool(), true, "true",
            "Charge GreenTrain subset-core coreset selection calls as their own kind of call.");
    public static final Option<Boolean> API_ENABLED = Option.of("greentrain.instrumentation.api.enabled", bool(), true, "true",
            "Measure code wrapped in io.greentrain.api.GreenTrain.measure/run (library 'custom', the label as model).");
    public static final Option<Integer> MODEL_LABEL_LIMIT = Option.of("greentrain.metrics.model.limit", integer(1, 1000), 50, "50",
            "Distinct model label values before further models are reported as 'other' (bounds series cardinality).");

    // --- records ------------------------------------------------------------------------------------
    public static final Option<String> RECORDS_FILE = Option.of("greentrain.records.file", text(), "greentrain-calls.jsonl",
            "greentrain-calls.jsonl", "File that receives one record per training run; empty disables records. {pid} and {host}"
                    + " in the name are replaced, for one file per JVM in a shared directory (Spark executors).");
    public static final Option<String> RECORDS_FORMAT = Option.of("greentrain.records.format", oneOf("jsonl", "csv"), "jsonl", "jsonl",
            "Format of the records file.");
    public static final Option<String> RECORDS_DETAIL = Option.of("greentrain.records.detail", oneOf("runs", "calls"), "runs", "runs",
            "runs: one record per training run. calls: also one record per library call (each mini-batch of a hand-written"
                    + " loop), with a sensor reading at every call boundary.");

    // --- runs ---------------------------------------------------------------------------------------
    public static final Option<Duration> RUNS_GAP = Option.of("greentrain.runs.gap",
            duration(Duration.ofMillis(100), Duration.ofDays(1)), Duration.ofSeconds(60), "60s",
            "A model not trained for this long ends its run: its next training call starts a new run (and a group"
                    + " without new runs for this long ends).");
    public static final Option<Duration> PROGRESS_INTERVAL = Option.of("greentrain.progress.interval",
            duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(10), "10s",
            "How often a running run's energy reaches the metrics and its progress line is printed (on a terminal the line"
                    + " is updated in place; otherwise one plain line per interval).");

    // --- carbon -------------------------------------------------------------------------------------
    public static final Option<String> CARBON_ZONE = Option.of("greentrain.carbon.zone", text(), "", "",
            "Grid zone: ISO country (FR, FRA), sub-region (US-CA, CA-QC, NO-NO1) or cloud region (aws:eu-west-3). Empty: world average.");
    public static final Option<Double> CARBON_INTENSITY = Option.of("greentrain.carbon.intensity", decimal(0, 5000), -1.0, "",
            "Fixed grid carbon intensity in gCO2e/kWh, overriding the zone's table value.");
    public static final Option<Double> CARBON_PUE = Option.of("greentrain.carbon.pue", decimal(1.0, 5.0), 1.0, "1.0",
            "Power usage effectiveness of the facility (>= 1.0); multiplies measured energy for emissions.");
    public static final Option<String> CARBON_PROVIDER = Option.of("greentrain.carbon.provider", oneOf("none", "electricitymaps", "ukgrid"),
            "none", "none", "Live carbon-intensity provider; the embedded table is the fallback on any failure.");
    public static final Option<String> CARBON_PROVIDER_URL = Option.of("greentrain.carbon.provider.url", text(), "", "",
            "Base URL of the live provider; empty uses the provider's public API.");
    public static final Option<String> CARBON_PROVIDER_TOKEN = Option.secret("greentrain.carbon.provider.token",
            "API key of the live provider (Electricity Maps auth-token; secret: never logged).");
    public static final Option<String> CARBON_PROVIDER_REGION = Option.of("greentrain.carbon.provider.region", text(), "", "",
            "Provider-specific region: Electricity Maps zone (defaults to the carbon zone) or UK National Grid region id (empty: national).");
    public static final Option<Duration> CARBON_PROVIDER_TIMEOUT = Option.of("greentrain.carbon.provider.timeout",
            duration(Duration.ofMillis(100), Duration.ofMinutes(1)), Duration.ofSeconds(5), "5s",
            "Connect and read timeout of the live provider.");
    public static final Option<Duration> CARBON_PROVIDER_REFRESH = Option.of("greentrain.carbon.provider.refresh",
            duration(Duration.ofSeconds(10), Duration.ofHours(24)), Duration.ofMinutes(15), "15m",
            "How often the live intensity is refreshed.");

    private static final List<Option<?>> ALL = Collections.unmodifiableList(Arrays.asList(
            ENABLED, CONFIG_FILE, LOG_LEVEL, CONSOLE_ENABLED, EAGER, STARTUP_WAIT,
            PROMETHEUS_ENABLED, PROMETHEUS_PORT, PROMETHEUS_HOST, PROMETHEUS_TLS_KEYSTORE, PROMETHEUS_TLS_KEYSTORE_PASSWORD,
            PROMETHEUS_AUTH_USER, PROMETHEUS_AUTH_PASSWORD, DISCOVERY_DIR, DISCOVERY_ADDRESS, PUSHGATEWAY_URL, PUSHGATEWAY_JOB,
            PUSHGATEWAY_TIMEOUT,
            SAMPLE_INTERVAL, RAPL_ROOT, HYPERVISOR_ROOT, CGROUP_ROOT, GPU_ENABLED, NVML_LIBRARY, ESTIMATE_CPU_WATTS, ESTIMATE_DRAM_WATTS_PER_GB,
            DL4J_ENABLED, SMILE_ENABLED, TRIBUO_ENABLED, SUBSET_ENABLED, API_ENABLED, MODEL_LABEL_LIMIT,
            RECORDS_FILE, RECORDS_FORMAT, RECORDS_DETAIL, RUNS_GAP, PROGRESS_INTERVAL, JFR_ENABLED, OTLP_ENABLED,
            CARBON_ZONE, CARBON_INTENSITY, CARBON_PUE, CARBON_PROVIDER, CARBON_PROVIDER_URL, CARBON_PROVIDER_TOKEN,
            CARBON_PROVIDER_REGION, CARBON_PROVIDER_TIMEOUT, CARBON_PROVIDER_REFRESH));

    /** All options in documentation order. */
    public static List<Option<?>> all() {
        return ALL;
    }

    public static Optional<Option<?>> byKey(String key) {
        for (Option<?> option : ALL) {
            if (option.key().equals(key)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
