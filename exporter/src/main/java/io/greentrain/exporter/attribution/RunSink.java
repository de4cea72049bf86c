package io.greentrain.exporter.attribution;

import io.greentrain.exporter.records.CallRecord;

/**
 * Where the {@link RunAttributor} delivers what it measured. Called on the training thread or on the housekeeping
 * thread, under no lock of the attributor's: implementations must be quick (or hand off) and must not throw.
 */
public interface RunSink {

    /** A run opened with this call ({@code runId} as its record will carry). */
    void runStarted(CallStart first, String runId);

    /** A running run's energy and calls since its previous progress (every {@code progress.interval}). */
    void runProgress(RunProgress progress);

    /** A run ended: its record (carbon still null) and what it measured since its last progress. */
    void runFinished(CallRecord run, RunProgress last);

    /** A call ended; only with {@code records.detail=calls}. Its energy is also in its run's, so it is not counted again. */
    void callFinished(CallRecord call);

    /** A group ended, after the runs it contained. */
    void groupFinished(GroupEnd group);

    /** An epoch ended in a call whose planned epochs are known. */
    void forecast(CallForecast forecast);
}
