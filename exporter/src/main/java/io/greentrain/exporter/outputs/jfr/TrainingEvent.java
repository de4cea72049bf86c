package io.greentrain.exporter.outputs.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/**
 * One training run, or one library call of a run where {@code records.detail=calls}, as a JDK Flight Recorder event:
 * a recording then shows its energy next to GC, allocation and CPU load. Committed when the run (call) ends, on the
 * agent's outputs thread, so the event's own start time is that moment; {@link #start} and {@link #end} carry the
 * run's span. Fields are JFR's simple types only (no GreenTrain type leaks into a recording); JFR has no energy unit,
 * so joules are plain doubles named for their unit.
 */
@Category({"GreenTrain", "Training"})
@StackTrace(false)
abstract class TrainingEvent extends Event {

    @Label("Library")
    String library;

    @Label("Model")
    String model;

    @Label("Entry Point")
    String entryPoint;

    @Label("Run Id")
    String runId;

    @Label("Run Name")
    String runName;

    @Label("Group")
    @Description("The run's group (a cross-validation or search), empty when none")
    String groupName;

    @Label("Outcome")
    String outcome;

    @Label("Start")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long start;

    @Label("End")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long end;

    @Label("Calls")
    long calls;

    @Label("Epochs")
    int epochs;

    @Label("CPU Joules")
    double cpuJoules;

    @Label("DRAM Joules")
    double dramJoules;

    @Label("GPU Joules")
    double gpuJoules;

    @Label("Total Joules")
    double totalJoules;

    @Label("Sources")
    @Description("Where each component's figure comes from, e.g. cpu=rapl,dram=estimate")
    String sources;

    @Label("Grams CO2e")
    @Description("NaN when no carbon figure could be computed")
    double grams;

    @Label("Grid Zone")
    String zone;

    @Label("Intensity Source")
    String intensitySource;
}
