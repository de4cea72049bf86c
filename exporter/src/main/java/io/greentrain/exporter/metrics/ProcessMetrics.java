package io.greentrain.exporter.metrics;

import io.greentrain.exporter.status.BuildInfo;
import io.greentrain.exporter.status.AgentLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics that exist in every scrape: build info, the JVM process's CPU seconds, GreenTrain's own CPU
 * seconds (its {@code greentrain-*} threads) and the count of degradations. Callbacks never throw.
 */
public final class ProcessMetrics implements MeterBinder {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os = operatingSystem();

    /** client_java Info renders as {@code greentrain_build_info{version=...} 1}; Micrometer gauges would drop the suffix. */
    public static void registerBuildInfo(PrometheusRegistry registry) {
        Info info = Info.builder().name(MetricNames.BUILD_INFO).help("GreenTrain version and Java runtime")
                .labelNames("version", "java_version").register(registry);
        info.setLabelValues(BuildInfo.version(), System.getProperty("java.version", "unknown"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (os != null) {
            FunctionCounter.builder(MetricNames.PROCESS_CPU, os, ProcessMetrics::processCpuSeconds)
                    .baseUnit(MetricNames.SECONDS).description("CPU time of the whole JVM process (all threads, native ones too)")
                    .register(registry);
        }
        if (threads.isThreadCpuTimeSupported()) {
            // Micrometer holds the state object weakly: it must be one that lives as long as the JVM (the MXBean), not
            // this binder, which nobody keeps; else the counter reads NaN/0 after the first GC
            FunctionCounter.builder(MetricNames.AGENT_CPU, threads, ProcessMetrics::agentCpuSeconds)
                    .baseUnit(MetricNames.SECONDS).description("CPU time of GreenTrain's own threads")
                    .register(registry);
        }
        AgentLog.onNewProblem((key, count) -> bindProblem(registry, key, count));
    }

    /** Registers a counter for a degradation first seen after {@link #bindTo}. */
    public static void bindProblem(MeterRegistry registry, String key, AtomicLong count) {
        String[] parts = key.split("\u0000", 2);
        FunctionCounter.builder(MetricNames.AGENT_ERRORS, count, AtomicLong::doubleValue)
                .tag("component", parts[0]).tag("reason", parts.length > 1 ? parts[1] : "unknown")
                .description("Degradations of GreenTrain (sensor, endpoint, records); each printed once on stderr")
                .register(registry);
    }

    private static double processCpuSeconds(com.sun.management.OperatingSystemMXBean os) {
        long nanos = os.getProcessCpuTime();
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    private static double agentCpuSeconds(ThreadMXBean threads) {
        try {
            long total = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith("greentrain")) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    if (cpu > 0) {
                        total += cpu;
                    }
                }
            }
            return total / 1e9;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static com.sun.management.OperatingSystemMXBean operatingSystem() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean ? (com.sun.management.OperatingSystemMXBean) bean : null;
    }
}
