package io.greentrain.exporter.attribution;

/**
 * The handle of one call when calls are recorded one by one ({@code records.detail=calls}): its run, and the joules the
 * call was charged itself. Calls of one run that overlap (one trainer trained on several threads) share the run's
 * energy equally while they overlap, so the calls' records never add up to more than their run's.
 */
final class CallInRun extends CallHandle {

    final RunState run;
    final CallStart start;
    final long startNanos;
    final long startEpochMillis;
    /** Joules per sensor channel charged to this call; guarded by the attributor's lock. */
    final double[] joules;
    final int epochsAtStart;
    boolean ended;

    CallInRun(RunState run, CallStart start, long startNanos, long startEpochMillis) {
        this.run = run;
        this.start = start;
        this.startNanos = startNanos;
        this.startEpochMillis = startEpochMillis;
        this.joules = new double[run.joules.length];
        this.epochsAtStart = run.epochs;
    }
}
