package io.greentrain.exporter.attribution;

/**
 * What the {@link RunAttributor} knows of one open run; also the handle of its calls when calls are not recorded one
 * by one. Guarded by the attributor's lock.
 */
final class RunState extends CallHandle {

    final String key;
    final String runId;
    final CallStart first;
    final GroupState group;
    final long startNanos;
    final long startEpochMillis;
    /** Joules per sensor channel charged so far, and how much of it the sink has been told of. */
    final double[] joules;
    final double[] published;
    /** Threads that made the run's calls, with their CPU time at the last boundary (-1: unknown). */
    long[] threadIds = new long[1];
    long[] lastThreadCpuNanos = new long[1];
    int threadCount;
    int inFlight;
    long calls;
    long rows = -1;
    int epochs;
    /** Epochs the run had when its current call began. */
    int epochsAtCallStart;
    long lastEndNanos;
    long lastProgressNanos;
    long lastProgressEpochMillis;
    /** Calls ended by outcome (see {@link RunProgress}), and how many of them the sink has been told of. */
    final long[] ended = new long[3];
    final long[] endedPublished = new long[3];
    String worstOutcome = TrainingCalls.SUCCESS;
    String errorType = "";
    boolean active;
    boolean closed;
    /** With {@code records.detail=calls}: the run's calls in flight, which share what the run is charged. */
    final java.util.List<CallInRun> callsInFlight = new java.util.ArrayList<>(1);
    CallForecast forecast;
    /** The run of the call this run's latest call was made in (a user's block), else null; see {@link NestedSplit}. */
    RunState parent;
    /** The first such run's id, for the record ("" when the run was never nested). */
    String parentRunId = "";

    RunState(String key, String runId, CallStart first, GroupState group, int channels, long startNanos, long startEpochMillis) {
        this.key = key;
        this.runId = runId;
        this.first = first;
        this.group = group;
        this.joules = new double[channels];
        this.published = new double[channels];
        this.startNanos = startNanos;
        this.startEpochMillis = startEpochMillis;
        this.lastEndNanos = startNanos;
        this.lastProgressNanos = startNanos;
        this.lastProgressEpochMillis = startEpochMillis;
    }

    /** Makes this run a child of {@code outer}'s, unless that would make a loop (outer nested in this run). */
    void nestIn(RunState outer) {
        for (RunState at = outer; at != null; at = at.parent) {
            if (at == this) {
                return;
            }
        }
        parent = outer;
        if (parentRunId.isEmpty()) {
            parentRunId = outer.runId;
        }
    }

    /** Index of the thread among the run's, adding it (baseline {@code cpuNanos}) when new. */
    int thread(long threadId, java.util.function.LongUnaryOperator cpuClock) {
        for (int i = 0; i < threadCount; i++) {
            if (threadIds[i] == threadId) {
                return i;
            }
        }
        if (threadCount == threadIds.length) {
            threadIds = java.util.Arrays.copyOf(threadIds, threadCount * 2);
            lastThreadCpuNanos = java.util.Arrays.copyOf(lastThreadCpuNanos, threadCount * 2);
        }
        threadIds[threadCount] = threadId;
        lastThreadCpuNanos[threadCount] = cpuClock.applyAsLong(threadId);
        return threadCount++;
    }

    void addRows(long more) {
        if (more >= 0) {
            rows = rows < 0 ? more : rows + more;
        }
    }

    void outcome(String outcome, String error) {
        int index = TrainingCalls.INTERRUPTED.equals(outcome) ? RunProgress.INTERRUPTED
                : TrainingCalls.ERROR.equals(outcome) ? RunProgress.ERROR : RunProgress.SUCCESS;
        ended[index]++;
        if (index == RunProgress.INTERRUPTED || index == RunProgress.ERROR && !TrainingCalls.INTERRUPTED.equals(worstOutcome)) {
            worstOutcome = outcome;
        }
        if (errorType.isEmpty() && error != null && !error.isEmpty()) {
            errorType = error;
        }
    }

    double totalJoules() {
        double total = 0;
        for (double j : joules) {
            total += j;
        }
        return total;
    }
}
