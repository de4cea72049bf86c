package io.greentrain.exporter.outputs.jfr;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import jdk.jfr.FlightRecorder;

/**
 * Commits a {@link TrainingRunEvent} per finished run and a {@link TrainingCallEvent} per call record, while a Flight
 * Recorder recording runs. Without one, nothing is loaded beyond {@link FlightRecorder#isInitialized()}: the event
 * classes (whose loading wakes JFR's event machinery) are first touched when a recording exists, so an agent in a JVM
 * nobody records costs nothing here. A recording started later with {@code jcmd JFR.start} is seen at the next run end.
 */
public final class FlightRecorderEvents {

    private FlightRecorderEvents() {
    }

    /** Commits the record's event if a recording wants it. Throws only what JFR throws; the caller counts it. */
    public static void commit(CallRecord record) {
        if (record == null || !FlightRecorder.isInitialized()) {
            return;
        }
        TrainingEvent event = record.run().isRun() ? new TrainingRunEvent() : new TrainingCallEvent();
        if (!event.shouldCommit()) {
            return;
        }
        event.library = record.library();
        event.model = record.model();
        event.entryPoint = record.entryPoint();
        event.runId = record.runId();
        event.runName = record.run().runName();
        event.groupName = record.run().groupName();
        event.outcome = record.outcome();
        event.start = record.startEpochMillis();
        event.end = record.endEpochMillis();
        event.calls = record.run().isRun() ? record.run().calls() : 1;
        event.epochs = record.epochs();
        StringBuilder sources = new StringBuilder();
        for (ComponentEnergy energy : record.energy()) {
            if ("cpu".equals(energy.component())) {
                event.cpuJoules += energy.joules();
            } else if ("dram".equals(energy.component())) {
                event.dramJoules += energy.joules();
            } else if ("gpu".equals(energy.component())) {
                event.gpuJoules += energy.joules();
            } // a component added later still counts in the total
            sources.append(sources.length() == 0 ? "" : ",").append(energy.component()).append('=').append(energy.source());
        }
        event.totalJoules = record.totalJoules();
        event.sources = sources.toString();
        CarbonFigures carbon = record.carbon();
        event.grams = carbon == null ? Double.NaN : carbon.grams();
        event.zone = carbon == null ? "" : carbon.zone();
        event.intensitySource = carbon == null ? "" : carbon.intensitySource();
        event.commit();
    }
}
