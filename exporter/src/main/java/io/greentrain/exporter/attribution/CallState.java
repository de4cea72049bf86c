package io.greentrain.exporter.attribution;

import io.greentrain.exporter.sensors.EnergySnapshot;

/** The {@link CallAttributor}'s handle: what it knows of one call in flight. Guarded by the attributor's lock. */
final class CallState extends CallHandle {

    final CallStart start;
    final long startNanos;
    final long startEpochMillis;
    final double[] joules;
    long lastThreadCpuNanos;
    int epochs;
    CallForecast forecast;
    boolean ended;

    CallState(CallStart start, EnergySnapshot at, long threadCpuNanos) {
        this.start = start;
        this.startNanos = at.nanoTime();
        this.startEpochMillis = at.epochMillis();
        this.joules = new double[at.channels().size()];
        this.lastThreadCpuNanos = threadCpuNanos;
    }

    double totalJoules() {
        double total = 0;
        for (double j : joules) {
            total += j;
        }
        return total;
    }
}
