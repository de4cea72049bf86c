package io.greentrain.exporter.attribution;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.sensors.Component;
import io.greentrain.exporter.sensors.EnergyChannel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySnapshot;
import io.greentrain.exporter.status.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * Charges each training call the energy its process used while it ran.
 *
 * <p>At every call boundary ({@link #started}, {@link #epochEnded}, {@link #ended}) the attributor takes a
 * fresh {@link EnergySampler#sampleNow() snapshot} of all counters, so a call's energy is the process
 * energy between its own start and end readings: a 5 ms call gets 5 ms of energy, not zero and not a
 * sampler interval. Between two consecutive boundaries the set of running calls is fixed; that
 * interval's process energy is split among them by {@link OverlapSplit} (CPU energy by the CPU time of
 * each call's thread plus an equal part of the process CPU time no call's thread explains; DRAM and GPU
 * energy equally). Shares sum to 1, so the calls together never get more than the process's energy;
 * energy used while no call runs is charged to none.
 *
 * <p>When a call ends, a {@link CallRecord} (energy per component with its source, carbon still null)
 * goes to the sink on the thread that ended the call: sinks must be quick or hand off. After each epoch
 * of a call with known {@code epochsPlanned}, a {@link CallForecast} goes to the forecast listener and
 * is kept for {@link #forecastJoules}.
 *
 * <p>Cost on the training thread per boundary: one sample (a few sysfs reads, NVML energy counters) and
 * one thread CPU-time read per running call. Never throws: failures are counted problems and the call is
 * then reported without energy.
 */
public final class CallAttributor implements TrainingCalls {

    private final EnergySampler sampler;
    private final Consumer<CallRecord> sink;
    private final Consumer<CallForecast> forecasts;
    private final RunIdentity identity;
    private final LongUnaryOperator threadCpuNanos;
    private final Object lock = new Object();
    private final List<CallState> running = new ArrayList<>();
    private EnergySnapshot last;

    /** Records go to {@code sink}; forecasts are kept for {@link #forecastJoules} only. */
    public CallAttributor(EnergySampler sampler, Consumer<CallRecord> sink) {
        this(sampler, sink, forecast -> { });
    }

    /**
     * @param sink      receives one record per ended call
     * @param forecasts receives a forecast after each epoch of calls with known {@code epochsPlanned}
     */
    public CallAttributor(EnergySampler sampler, Consumer<CallRecord> sink, Consumer<CallForecast> forecasts) {
        this(sampler, sink, forecasts, RunIdentity.ofThisJvm(), jvmThreadCpuClock());
    }

    /**
     * @param threadCpuNanos CPU time of the thread with the given id in ns, negative when unknown
     */
    public CallAttributor(EnergySampler sampler, Consumer<CallRecord> sink, Consumer<CallForecast> forecasts,
                          RunIdentity identity, LongUnaryOperator threadCpuNanos) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.threadCpuNanos = Objects.requireNonNull(threadCpuNanos, "threadCpuNanos");
    }

    /** {@code ThreadMXBean.getThreadCpuTime(id)}, or -1 where the JVM cannot measure thread CPU time. */
    public static LongUnaryOperator jvmThreadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return id -> -1L;
        }
        return id -> {
            try {
                return threads.getThreadCpuTime(id);
            } catch (RuntimeException e) {
                return -1L;
            }
        };
    }

    @Override
    public CallHandle started(CallStart start) {
        if (start == null) {
            return CallHandle.UNTRACKED;
        }
        try {
            synchronized (lock) {
                EnergySnapshot now = sampler.sampleNow();
                advance(now);
                CallState call = new CallState(start, now, threadCpuNanos.applyAsLong(start.threadId()));
                running.add(call);
                return call;
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "start_failed", "cannot start measuring " + start + " (" + e.getClass().getSimpleName()
                    + "); that call is not charged");
            return CallHandle.UNTRACKED;
        }
    }

    @Override
    public void epochEnded(CallHandle handle, int epochsCompleted) {
        if (!(handle instanceof CallState) || epochsCompleted < 1) {
            return;
        }
        CallState call = (CallState) handle;
        CallForecast forecast = null;
        try {
            synchronized (lock) {
                if (call.ended) {
                    return;
                }
                EnergySnapshot now = sampler.sampleNow();
                advance(now);
                call.epochs = Math.max(call.epochs, epochsCompleted);
                int planned = call.start.epochsPlanned();
                if (planned > 0) {
                    forecast = new CallForecast(call.start, call.epochs, planned, call.totalJoules(), seconds(call.startNanos, now.nanoTime()));
                    call.forecast = forecast;
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "epoch_failed", "cannot measure an epoch of " + call.start + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (forecast != null) {
            try {
                forecasts.accept(forecast);
            } catch (Throwable e) {
                AgentLog.problem("attribution", "forecast_listener_failed", "the forecast listener failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    @Override
    public void ended(CallHandle handle, String outcome, String errorType) {
        if (!(handle instanceof CallState)) {
            return;
        }
        CallState call = (CallState) handle;
        CallRecord record;
        try {
            synchronized (lock) {
                if (call.ended) {
                    return;
                }
                call.ended = true;
                EnergySnapshot now = sampler.sampleNow();
                advance(now);
                running.remove(call);
                record = toRecord(call, now, outcome, errorType);
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "end_failed", "cannot finish measuring " + call.start + " (" + e.getClass().getSimpleName()
                    + "); no record for that call");
            return;
        }
        try {
            sink.accept(record);
        } catch (Throwable e) {
            AgentLog.problem("attribution", "sink_failed", "the call record sink failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The latest forecast of a call's total energy in joules (all components; it stays readable after the
     * call ended), or NaN when the call has no known {@code epochsPlanned}, has not finished an epoch, or
     * is not tracked.
     */
    public double forecastJoules(CallHandle handle) {
        if (!(handle instanceof CallState)) {
            return Double.NaN;
        }
        synchronized (lock) {
            CallForecast forecast = ((CallState) handle).forecast;
            return forecast == null ? Double.NaN : forecast.forecastJoules();
        }
    }

    /** Calls started and not yet ended. */
    public int runningCalls() {
        synchronized (lock) {
            return running.size();
        }
    }

    /** Splits the process energy since the previous boundary among the running calls. Under the lock. */
    private void advance(EnergySnapshot now) {
        EnergySnapshot previous = last;
        last = now;
        int n = running.size();
        if (previous == null || n == 0) {
            for (CallState call : running) {
                call.lastThreadCpuNanos = threadCpuNanos.applyAsLong(call.start.threadId());
            }
            return;
        }
        long[] threadDeltas = new long[n];
        for (int k = 0; k < n; k++) {
            CallState call = running.get(k);
            long current = threadCpuNanos.applyAsLong(call.start.threadId());
            threadDeltas[k] = current >= 0 && call.lastThreadCpuNanos >= 0 ? Math.max(0, current - call.lastThreadCpuNanos) : -1;
            call.lastThreadCpuNanos = current;
        }
        double[] cpuShares = OverlapSplit.cpuShares(threadDeltas, Math.max(0, now.processCpuNanos() - previous.processCpuNanos()));
        double[] equalShares = OverlapSplit.equalShares(n);
        List<EnergyChannel> channels = now.channels();
        for (int c = 0; c < channels.size(); c++) {
            double delta = now.processJoules(c) - previous.processJoules(c);
            if (!(delta > 0)) {
                continue;
            }
            double[] shares = channels.get(c).component() == Component.CPU ? cpuShares : equalShares;
            for (int k = 0; k < n; k++) {
                running.get(k).joules[c] += delta * shares[k];
            }
        }
    }

    private CallRecord toRecord(CallState call, EnergySnapshot end, String outcome, String errorType) {
        Map<String, double[]> byComponentAndSource = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        List<EnergyChannel> channels = end.channels();
        for (int c = 0; c < channels.size(); c++) {
            EnergyChannel channel = channels.get(c);
            String key = channel.component().label() + "/" + channel.source().label();
            byComponentAndSource.computeIfAbsent(key, k -> new double[1])[0] += call.joules[c];
            labels.putIfAbsent(key, new String[] {channel.component().label(), channel.source().label()});
        }
        List<ComponentEnergy> energy = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : byComponentAndSource.entrySet()) {
            String[] label = labels.get(entry.getKey());
            energy.add(new ComponentEnergy(label[0], label[1], Math.max(0, entry.getValue()[0])));
        }
        CallStart start = call.start;
        return new CallRecord(identity.runId(), identity.pid(), identity.host(), start.threadName(), start.library(), start.model(),
                start.entryPoint(), normalizeOutcome(outcome), errorType == null ? "" : errorType, call.startEpochMillis,
                Math.max(call.startEpochMillis, end.epochMillis()), seconds(call.startNanos, end.nanoTime()), call.epochs,
                start.epochsPlanned(), energy, start.dataFingerprint(), start.configFingerprint(), null);
    }

    private static String normalizeOutcome(String outcome) {
        if (SUCCESS.equals(outcome) || ERROR.equals(outcome) || INTERRUPTED.equals(outcome)) {
            return outcome;
        }
        AgentLog.debug("unknown call outcome '" + outcome + "' recorded as " + ERROR);
        return ERROR;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return Math.max(0, toNanos - fromNanos) / 1e9;
    }
}
