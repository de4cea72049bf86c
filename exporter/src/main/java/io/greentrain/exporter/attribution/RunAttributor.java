package io.greentrain.exporter.attribution;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RunFacts;
import io.greentrain.exporter.sensors.Component;
import io.greentrain.exporter.sensors.EnergyChannel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySnapshot;
import io.greentrain.exporter.status.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * Charges each training run the energy its process used while the run's calls ran, and delivers one record per run.
 *
 * <p><b>Runs.</b> A call continues the open run with its {@link CallStart#runKey() run key} (the agent uses the model
 * or trainer object's identity, or an explicit run scope) unless that run has been idle for longer than {@code gap}
 * or was configured differently (another configuration fingerprint); otherwise it opens a new run. A call without a
 * key is a run of its own. A run ends when it has been idle for {@code gap} ({@link #tick}), when its scope ends
 * ({@link #scopeEnded}) or when the exporter closes ({@link #endAll}); then its record goes to the sink. The first call
 * of a run names its group ({@link CallStart#groupKey()}); a group ends when its scope says so, or when it has had no
 * open run for {@code gap}.
 *
 * <p><b>Energy.</b> At a boundary the attributor takes a fresh {@link EnergySampler#sampleNow() snapshot} and splits
 * the process energy since the previous one among the active runs ({@link OverlapSplit}: CPU by the CPU time of each
 * run's threads plus an equal part of the unexplained process CPU time; DRAM and GPU equally). A run with no call in
 * flight gets only the part of the interval up to its last call's end, so the time after a run's last call is charged
 * to none, and the shares never sum to more than the process used. Boundaries are: a run becoming active (its first
 * call, or a call after it went idle), the end of a run's first call (so a one-call run is measured exactly), an
 * epoch, any call end at least {@link #BOUNDARY_REFRESH} after the previous snapshot, every {@code progress} interval
 * while runs are active, and run ends. So a mini-batch loop pays a snapshot (a few sysfs reads) at most every
 * {@link #BOUNDARY_REFRESH}; its other calls cost two clock reads and counter updates under one uncontended lock.
 * With {@code callDetail} every call boundary is one (each call gets its exact energy and a record of its own).
 *
 * <p>Never throws into the training thread: failures are counted problems and the call is then not charged.
 */
public final class RunAttributor implements TrainingCalls {

    /** The longest a mini-batch loop goes without a snapshot at a call end. */
    public static final Duration BOUNDARY_REFRESH = Duration.ofMillis(100);
    /** Open runs kept at most; past it the longest idle run ends early (a job creating models without end). */
    static final int MAX_OPEN_RUNS = 4_096;

    private final EnergySampler sampler;
    private final RunSink sink;
    private final JvmIdentity identity;
    private final LongUnaryOperator threadCpuNanos;
    private final boolean callDetail;
    private final long gapNanos;
    private final long progressNanos;
    private final long refreshNanos;
    private final String idPrefix;

    private final Object lock = new Object();
    private final List<RunState> active = new ArrayList<>();
    private final List<RunState> open = new ArrayList<>();
    private final Map<String, RunState> openByKey = new LinkedHashMap<>();
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private EnergySnapshot last;
    private long runCount;
    private long groupCount;

    /**
     * @param callDetail     also deliver one record per call (a snapshot at every call boundary)
     * @param gap            idle time that ends a run or a group
     * @param progress       how often active runs are sampled and their progress delivered
     * @param threadCpuNanos CPU time of the thread with the given id in ns, negative when unknown
     */
    public RunAttributor(EnergySampler sampler, RunSink sink, JvmIdentity identity, LongUnaryOperator threadCpuNanos,
                         boolean callDetail, Duration gap, Duration progress) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.threadCpuNanos = Objects.requireNonNull(threadCpuNanos, "threadCpuNanos");
        this.callDetail = callDetail;
        this.gapNanos = positive(gap, "gap").toNanos();
        this.progressNanos = positive(progress, "progress").toNanos();
        this.refreshNanos = callDetail ? 0 : BOUNDARY_REFRESH.toNanos();
        String jvm = identity.jvmId();
        this.idPrefix = (jvm.length() > 8 ? jvm.substring(0, 8) : jvm) + "-";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
        return value;
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

    // --- the training thread -------------------------------------------------------------------------------------

    @Override
    public CallHandle started(CallStart start) {
        return startedWithin(start, null);
    }

    /**
     * A call inside the call {@code parent} is in: its run becomes a child of that call's run ({@link NestedSplit}: the
     * child is charged while it runs, the parent the rest), and its record names the parent run.
     */
    @Override
    public CallHandle startedWithin(CallStart start, CallHandle parent) {
        if (start == null) {
            return CallHandle.UNTRACKED;
        }
        RunState parentRun = runOf(parent);
        List<Runnable> deliveries = new ArrayList<>(0);
        CallHandle handle;
        try {
            synchronized (lock) {
                long now = sampler.nanoTime();
                RunState run = runFor(start, now, deliveries);
                if (parentRun != null && !parentRun.closed) {
                    run.nestIn(parentRun);
                }
                handle = begin(run, start, start.threadId(), start.rows(), now);
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "start_failed", "cannot start measuring " + start + " (" + e.getClass().getSimpleName()
                    + "); that call is not charged");
            handle = CallHandle.UNTRACKED;
        }
        deliver(deliveries);
        return handle;
    }

    @Override
    public CallHandle startedAgain(CallHandle previous, long rows) {
        RunState run = runOf(previous);
        if (run == null) {
            return null;
        }
        try {
            synchronized (lock) {
                long now = sampler.nanoTime();
                if (run.closed || now - run.lastEndNanos > gapNanos && run.inFlight == 0) {
                    return null; // that run is over (or should be): the caller describes the call afresh
                }
                return begin(run, run.first, Thread.currentThread().getId(), rows, now);
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "start_failed", "cannot start measuring a call of " + run.first + " ("
                    + e.getClass().getSimpleName() + "); that call is not charged");
            return CallHandle.UNTRACKED;
        }
    }

    /** Under the lock: counts a call into {@code run}, activating the run (with a snapshot) when it was idle. */
    private CallHandle begin(RunState run, CallStart start, long threadId, long rows, long now) {
        if (!run.active || callDetail) {
            advance(sampler.sampleNow());
            if (!run.active) {
                run.active = true;
                active.add(run);
                for (int i = 0; i < run.threadCount; i++) {
                    run.lastThreadCpuNanos[i] = threadCpuNanos.applyAsLong(run.threadIds[i]);
                }
            }
        }
        run.thread(threadId, threadCpuNanos);
        if (run.inFlight == 0) {
            run.epochsAtCallStart = run.epochs;
        }
        run.inFlight++;
        run.calls++;
        run.addRows(rows);
        if (callDetail) {
            CallInRun call = new CallInRun(run, start, last.nanoTime(), last.epochMillis());
            run.callsInFlight.add(call);
            return call;
        }
        return run;
    }

    @Override
    public void epochEnded(CallHandle handle, int epochsCompleted) {
        RunState run = runOf(handle);
        if (run == null || epochsCompleted < 1) {
            return;
        }
        CallForecast forecast = null;
        try {
            synchronized (lock) {
                if (run.closed) {
                    return;
                }
                EnergySnapshot now = sampler.sampleNow();
                advance(now);
                // epochsCompleted counts the epochs of this call: the run has those on top of what it had before the call
                int base = handle instanceof CallInRun ? ((CallInRun) handle).epochsAtStart : run.epochsAtCallStart;
                run.epochs = Math.max(run.epochs, base + epochsCompleted);
                int planned = run.first.epochsPlanned();
                if (planned > 0 && run.calls == 1) {
                    forecast = new CallForecast(run.first, run.epochs, planned, run.totalJoules(), seconds(run.startNanos, now.nanoTime()));
                    run.forecast = forecast;
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "epoch_failed", "cannot measure an epoch of " + run.first + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (forecast != null) {
            try {
                sink.forecast(forecast);
            } catch (Throwable e) {
                AgentLog.problem("attribution", "forecast_listener_failed", "the forecast listener failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    @Override
    public void ended(CallHandle handle, String outcome, String errorType) {
        RunState run = runOf(handle);
        if (run == null) {
            return;
        }
        List<Runnable> deliveries = new ArrayList<>(0);
        try {
            synchronized (lock) {
                if (run.closed || run.inFlight == 0 || handle instanceof CallInRun && ((CallInRun) handle).ended) {
                    return;
                }
                long now = sampler.nanoTime();
                if (callDetail || run.calls == 1 || last == null || now - last.nanoTime() >= refreshNanos) {
                    advanceTo(sampler.sampleNow(), run);
                    now = last.nanoTime();
                }
                run.inFlight--;
                run.lastEndNanos = Math.max(run.lastEndNanos, now);
                if (run.group != null) {
                    run.group.lastActivityNanos = Math.max(run.group.lastActivityNanos, run.lastEndNanos);
                }
                String normalized = normalizeOutcome(outcome);
                run.outcome(normalized, errorType);
                if (handle instanceof CallInRun) {
                    CallInRun call = (CallInRun) handle;
                    call.ended = true;
                    run.callsInFlight.remove(call);
                    CallRecord record = callRecord(call, normalized, errorType);
                    deliveries.add(() -> sink.callFinished(record));
                }
                if (run.key.isEmpty() && run.inFlight == 0) {
                    close(run, deliveries); // a call without a run key is a run of its own
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "end_failed", "cannot finish measuring " + run.first + " (" + e.getClass().getSimpleName()
                    + "); that call is not charged");
            return;
        }
        deliver(deliveries);
    }

    @Override
    public void scopeEnded(String key, boolean endsGroup) {
        if (key == null || key.isEmpty()) {
            return;
        }
        List<Runnable> deliveries = new ArrayList<>(0);
        try {
            synchronized (lock) {
                boolean any = false;
                for (RunState run : new ArrayList<>(open)) {
                    boolean inScope = run.key.equals(key) || run.group != null && run.group.key.equals(key);
                    if (inScope && run.inFlight == 0) {
                        if (!any) {
                            advance(sampler.sampleNow());
                            any = true;
                        }
                        close(run, deliveries);
                    }
                }
                GroupState group = groups.get(key);
                if (endsGroup && group != null && group.openRuns == 0) {
                    closeGroup(group, deliveries);
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "scope_failed", "cannot end the runs of a scope (" + e.getClass().getSimpleName() + ")");
            return;
        }
        deliver(deliveries);
    }

    // --- the housekeeping thread ---------------------------------------------------------------------------------

    /**
     * Housekeeping, every few tens of milliseconds off the training threads: samples active runs and delivers their
     * progress every {@code progress} interval, ends runs and groups idle for longer than {@code gap}.
     */
    public void tick() {
        List<Runnable> deliveries = new ArrayList<>(0);
        try {
            synchronized (lock) {
                long now = sampler.nanoTime();
                boolean progressDue = false;
                for (RunState run : open) {
                    progressDue |= now - run.lastProgressNanos >= progressNanos;
                }
                if (progressDue && !active.isEmpty()) {
                    advance(sampler.sampleNow());
                    now = last.nanoTime();
                }
                boolean sampled = progressDue && !active.isEmpty();
                for (RunState run : new ArrayList<>(open)) {
                    if (run.inFlight == 0 && now - run.lastEndNanos > gapNanos) {
                        if (!sampled) {
                            advance(sampler.sampleNow());
                            sampled = true;
                        }
                        close(run, deliveries);
                    } else if (now - run.lastProgressNanos >= progressNanos) {
                        RunProgress progress = progress(run, last == null ? sampler.epochMillis() : last.epochMillis(), now);
                        deliveries.add(() -> sink.runProgress(progress));
                    }
                }
                for (GroupState group : new ArrayList<>(groups.values())) {
                    if (group.openRuns == 0 && now - group.lastActivityNanos > gapNanos) {
                        closeGroup(group, deliveries);
                    }
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "tick_failed", "run housekeeping failed (" + e.getClass().getSimpleName() + ")");
            return;
        }
        deliver(deliveries);
    }

    /** Ends every open run and group now (the exporter closes: JVM exit). Calls still in flight end as interrupted. */
    public void endAll() {
        List<Runnable> deliveries = new ArrayList<>(0);
        try {
            synchronized (lock) {
                if (!open.isEmpty()) {
                    advance(sampler.sampleNow());
                }
                for (RunState run : new ArrayList<>(open)) {
                    while (run.inFlight > 0) {
                        run.inFlight--;
                        run.outcome(INTERRUPTED, "");
                        run.lastEndNanos = last.nanoTime();
                    }
                    close(run, deliveries);
                }
                for (GroupState group : new ArrayList<>(groups.values())) {
                    closeGroup(group, deliveries);
                }
            }
        } catch (Throwable e) {
            AgentLog.problem("attribution", "end_all_failed", "open runs not recorded at exit (" + e.getClass().getSimpleName() + ")");
            return;
        }
        deliver(deliveries);
    }

    /** Runs open now (ended ones not counted). */
    public int openRuns() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Calls started and not yet ended, over all runs. */
    public int runningCalls() {
        synchronized (lock) {
            int n = 0;
            for (RunState run : open) {
                n += run.inFlight;
            }
            return n;
        }
    }

    /** The latest forecast of a call's total energy in joules (see {@link CallForecast}), or NaN when there is none. */
    public double forecastJoules(CallHandle handle) {
        RunState run = runOf(handle);
        if (run == null) {
            return Double.NaN;
        }
        synchronized (lock) {
            return run.forecast == null ? Double.NaN : run.forecast.forecastJoules();
        }
    }

    // --- runs and groups, under the lock -------------------------------------------------------------------------

    private RunState runFor(CallStart start, long now, List<Runnable> deliveries) {
        String key = start.runKey();
        if (!key.isEmpty()) {
            RunState run = openByKey.get(key);
            if (run != null) {
                boolean stale = run.inFlight == 0 && now - run.lastEndNanos > gapNanos;
                boolean reconfigured = !start.configFingerprint().isEmpty() && !run.first.configFingerprint().isEmpty()
                        && !start.configFingerprint().equals(run.first.configFingerprint());
                if (!stale && !reconfigured) {
                    return run;
                }
                if (run.inFlight == 0) {
                    advance(sampler.sampleNow());
                    close(run, deliveries);
                } else {
                    openByKey.remove(key); // still running under its old configuration: it ends on its own
                }
            }
        }
        if (open.size() >= MAX_OPEN_RUNS) {
            endLongestIdle(deliveries);
        }
        GroupState group = groupFor(start, now, deliveries);
        long startMillis = sampler.epochMillis();
        RunState run = new RunState(key, idPrefix + (++runCount), start, group, sampler.channels().size(), now, startMillis);
        open.add(run);
        if (!key.isEmpty()) {
            openByKey.put(key, run);
        }
        String runId = run.runId;
        deliveries.add(() -> sink.runStarted(start, runId));
        if (group != null) {
            group.runs++;
            group.openRuns++;
            group.lastActivityNanos = now;
        }
        return run;
    }

    private GroupState groupFor(CallStart start, long now, List<Runnable> deliveries) {
        String key = start.groupKey();
        if (key.isEmpty()) {
            return null;
        }
        GroupState group = groups.get(key);
        if (group != null && group.openRuns == 0 && now - group.lastActivityNanos > gapNanos) {
            closeGroup(group, deliveries);
            group = null;
        }
        if (group == null) {
            group = new GroupState(key, idPrefix + "g" + (++groupCount), start.groupName(), now);
            groups.put(key, group);
        }
        return group;
    }

    private void endLongestIdle(List<Runnable> deliveries) {
        RunState idlest = null;
        for (RunState run : open) {
            if (run.inFlight == 0 && (idlest == null || run.lastEndNanos < idlest.lastEndNanos)) {
                idlest = run;
            }
        }
        if (idlest != null) {
            advance(sampler.sampleNow());
            close(idlest, deliveries);
        }
    }

    /** Ends a run whose calls have all ended (the caller has just advanced): its record and last progress to the sink. */
    private void close(RunState run, List<Runnable> deliveries) {
        if (run.closed) {
            return;
        }
        run.closed = true;
        open.remove(run);
        active.remove(run);
        run.active = false;
        if (openByKey.get(run.key) == run) {
            openByKey.remove(run.key);
        }
        long endMillis = endMillis(run);
        RunProgress remainder = progress(run, endMillis, run.lastEndNanos);
        CallRecord record = runRecord(run, endMillis);
        deliveries.add(() -> sink.runFinished(record, remainder));
        if (run.group != null) {
            run.group.openRuns--;
            run.group.lastActivityNanos = Math.max(run.group.lastActivityNanos, run.lastEndNanos);
        }
    }

    private void closeGroup(GroupState group, List<Runnable> deliveries) {
        if (group.closed) {
            return;
        }
        group.closed = true;
        if (groups.get(group.key) == group) {
            groups.remove(group.key);
        }
        GroupEnd end = new GroupEnd(group.groupId, group.name, group.runs);
        deliveries.add(() -> sink.groupFinished(end));
    }

    /** Wall-clock time of the run's last call end, from the monotonic offset to the run's start. */
    private static long endMillis(RunState run) {
        return run.startEpochMillis + Math.max(0, run.lastEndNanos - run.startNanos) / 1_000_000L;
    }

    // --- energy, under the lock ----------------------------------------------------------------------------------

    /** {@link #advance} where {@code ending} is about to end a call: it is charged the whole interval. */
    private void advanceTo(EnergySnapshot now, RunState ending) {
        long savedEnd = ending.lastEndNanos;
        ending.lastEndNanos = now.nanoTime();
        advance(now);
        ending.lastEndNanos = savedEnd;
    }

    /**
     * Splits the process energy since the previous snapshot among the active runs, then drops the runs that have no
     * call in flight from the active set (they are charged up to their last call's end).
     *
     * <p>Without nesting (the common case: no active run inside another's running call) every run is a family of its
     * own, and the split needs only each run's presence and thread CPU time; the family arrays of the nested case are
     * not built.
     */
    private void advance(EnergySnapshot now) {
        EnergySnapshot previous = last;
        last = now;
        int n = active.size();
        if (previous == null || n == 0) {
            return;
        }
        long interval = Math.max(1, now.nanoTime() - previous.nanoTime());
        double[] presence = new double[n];
        boolean nested = false;
        for (int k = 0; k < n; k++) {
            RunState run = active.get(k);
            presence[k] = run.inFlight > 0 ? 1.0
                    : Math.min(1.0, Math.max(0.0, (run.lastEndNanos - previous.nanoTime()) / (double) interval));
            nested |= parentIndex(run) >= 0;
        }
        // without nesting, roots and family stay null (each run is its own root and family) and inFamily is 1
        int[] roots = null;
        int[] family = null;
        double[] inFamily = null;
        long[] familyCpu; // the split between families: by the CPU time of each family's threads
        if (nested) {
            int[] parents = new int[n];
            for (int k = 0; k < n; k++) {
                parents[k] = parentIndex(active.get(k));
            }
            roots = rootsOf(parents);
            inFamily = NestedSplit.shares(parents, presence);
            family = new int[n];
            int families = 0;
            for (int k = 0; k < n; k++) {
                family[k] = roots[k] == k ? families++ : -1;
            }
            familyCpu = familyThreadCpuDeltas(roots, family, families);
        } else {
            familyCpu = new long[n];
            for (int k = 0; k < n; k++) {
                familyCpu[k] = threadCpuDelta(active.get(k), null);
            }
        }
        double[] cpuShares = OverlapSplit.cpuShares(familyCpu, Math.max(0, now.processCpuNanos() - previous.processCpuNanos()));
        double[] equalShares = OverlapSplit.equalShares(familyCpu.length);
        List<EnergyChannel> channels = now.channels();
        for (int c = 0; c < channels.size(); c++) {
            double delta = now.processJoules(c) - previous.processJoules(c);
            if (!(delta > 0)) {
                continue;
            }
            double[] shares = channels.get(c).component() == Component.CPU ? cpuShares : equalShares;
            for (int k = 0; k < n; k++) {
                RunState run = active.get(k);
                int root = roots == null ? k : roots[k];
                double charged = delta * shares[family == null ? k : family[root]] * presence[root]
                        * (inFamily == null ? 1 : inFamily[k]);
                run.joules[c] += charged;
                int calls = run.callsInFlight.size();
                for (int i = 0; i < calls; i++) {
                    run.callsInFlight.get(i).joules[c] += charged / calls;
                }
            }
        }
        for (Iterator<RunState> it = active.iterator(); it.hasNext(); ) {
            RunState run = it.next();
            if (run.inFlight == 0) {
                run.active = false;
                it.remove();
            }
        }
    }

    /**
     * The index among the active runs of the run whose running call {@code run} is nested in, or -1: a child counts as
     * one only while its parent's call runs; after that it stands on its own.
     */
    private int parentIndex(RunState run) {
        return run.parent != null && run.parent.inFlight > 0 ? active.indexOf(run.parent) : -1;
    }

    /** The index of each run's family root (itself when it is not nested in a running call). */
    private static int[] rootsOf(int[] parents) {
        int[] roots = new int[parents.length];
        for (int k = 0; k < parents.length; k++) {
            int at = k;
            for (int hops = 0; parents[at] >= 0 && hops < parents.length; hops++) {
                at = parents[at];
            }
            roots[k] = at;
        }
        return roots;
    }

    /**
     * At each family's index: the CPU time its threads used since the last boundary, each thread once (a block and the
     * fit inside it share the training thread); -1 when unknown. Every run's baselines move on.
     */
    private long[] familyThreadCpuDeltas(int[] roots, int[] family, int families) {
        int n = roots.length;
        long[] deltas = new long[families];
        boolean[] hasChildren = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (roots[k] != k) {
                hasChildren[roots[k]] = true;
            }
        }
        Map<Integer, Map<Long, Long>> byFamily = new HashMap<>(0);
        for (int k = 0; k < n; k++) {
            RunState run = active.get(k);
            if (roots[k] == k && !hasChildren[k]) {
                deltas[family[k]] = threadCpuDelta(run, null); // a run on its own beside the families
            } else {
                threadCpuDelta(run, byFamily.computeIfAbsent(roots[k], r -> new HashMap<>()));
            }
        }
        for (Map.Entry<Integer, Map<Long, Long>> entry : byFamily.entrySet()) {
            long sum = -1;
            for (long delta : entry.getValue().values()) {
                if (delta >= 0) {
                    sum = Math.max(sum, 0) + delta;
                }
            }
            deltas[family[entry.getKey()]] = sum;
        }
        return deltas;
    }

    /**
     * CPU time the run's threads used since the last boundary (updating their baselines); -1 when unknown. With
     * {@code perThread}, each thread's delta is also kept there, the largest where several runs share the thread (the
     * run with the oldest baseline saw all of it).
     */
    private long threadCpuDelta(RunState run, Map<Long, Long> perThread) {
        long sum = 0;
        boolean known = false;
        for (int i = 0; i < run.threadCount; i++) {
            long current = threadCpuNanos.applyAsLong(run.threadIds[i]);
            long delta = -1;
            if (current >= 0 && run.lastThreadCpuNanos[i] >= 0) {
                delta = Math.max(0, current - run.lastThreadCpuNanos[i]);
                sum += delta;
                known = true;
            }
            run.lastThreadCpuNanos[i] = current;
            if (perThread != null) {
                perThread.merge(run.threadIds[i], delta, Math::max);
            }
        }
        return known ? sum : -1;
    }

    // --- what goes to the sink -----------------------------------------------------------------------------------

    /** Energy and calls since the previous progress; marks them delivered. */
    private RunProgress progress(RunState run, long nowMillis, long nowNanos) {
        List<ComponentEnergy> since = energy(run.joules, run.published);
        System.arraycopy(run.joules, 0, run.published, 0, run.joules.length);
        long[] calls = new long[3];
        for (int i = 0; i < 3; i++) {
            calls[i] = run.ended[i] - run.endedPublished[i];
            run.endedPublished[i] = run.ended[i];
        }
        RunProgress progress = new RunProgress(run.runId, run.first.runName(), run.first.library(), run.first.model(), since, calls,
                run.lastProgressEpochMillis, nowMillis, run.calls, run.totalJoules(), seconds(run.startNanos, nowNanos));
        run.lastProgressNanos = nowNanos;
        run.lastProgressEpochMillis = nowMillis;
        return progress;
    }

    /** Joules per component and source: {@code joules - minus} per channel, merged by component/source. */
    private List<ComponentEnergy> energy(double[] joules, double[] minus) {
        Map<String, double[]> byComponentAndSource = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        List<EnergyChannel> channels = sampler.channels();
        for (int c = 0; c < channels.size(); c++) {
            EnergyChannel channel = channels.get(c);
            String key = channel.component().label() + "/" + channel.source().label();
            byComponentAndSource.computeIfAbsent(key, k -> new double[1])[0] += joules[c] - (minus == null ? 0 : minus[c]);
            labels.putIfAbsent(key, new String[] {channel.component().label(), channel.source().label()});
        }
        List<ComponentEnergy> energy = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : byComponentAndSource.entrySet()) {
            String[] label = labels.get(entry.getKey());
            energy.add(new ComponentEnergy(label[0], label[1], Math.max(0, entry.getValue()[0])));
        }
        return energy;
    }

    private CallRecord runRecord(RunState run, long endMillis) {
        CallStart first = run.first;
        GroupState group = run.group;
        RunFacts facts = new RunFacts(RunFacts.RUN, run.runId, first.runName(), run.calls, run.rows,
                group == null ? "" : group.groupId, group == null ? "" : group.name, run.parentRunId);
        return new CallRecord(identity.jvmId(), identity.pid(), identity.host(), first.threadName(), first.library(), first.model(),
                first.entryPoint(), run.worstOutcome, run.errorType, run.startEpochMillis, Math.max(run.startEpochMillis, endMillis),
                seconds(run.startNanos, run.lastEndNanos), run.epochs, run.calls == 1 ? first.epochsPlanned() : -1,
                energy(run.joules, null), first.dataFingerprint(), first.configFingerprint(), null, facts, identity.sparkApp(),
                identity.containerId());
    }

    private CallRecord callRecord(CallInRun call, String outcome, String errorType) {
        RunState run = call.run;
        CallStart start = call.start;
        GroupState group = run.group;
        RunFacts facts = new RunFacts(RunFacts.CALL, run.runId, start.runName(), 1, start == run.first ? start.rows() : -1,
                group == null ? "" : group.groupId, group == null ? "" : group.name, run.parentRunId);
        long endNanos = last.nanoTime();
        return new CallRecord(identity.jvmId(), identity.pid(), identity.host(), start.threadName(), start.library(), start.model(),
                start.entryPoint(), outcome, errorType == null ? "" : errorType, call.startEpochMillis,
                Math.max(call.startEpochMillis, last.epochMillis()), seconds(call.startNanos, endNanos),
                run.epochs - call.epochsAtStart, start.epochsPlanned(), energy(call.joules, null),
                start.dataFingerprint(), start.configFingerprint(), null, facts, identity.sparkApp(),
                identity.containerId());
    }

    private void deliver(List<Runnable> deliveries) {
        for (Runnable delivery : deliveries) {
            try {
                delivery.run();
            } catch (Throwable e) {
                AgentLog.problem("attribution", "sink_failed", "the run record sink failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private static RunState runOf(CallHandle handle) {
        if (handle instanceof RunState) {
            return (RunState) handle;
        }
        if (handle instanceof CallInRun) {
            return ((CallInRun) handle).run;
        }
        return null;
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
