package io.greentrain.exporter.sensors;

import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;

/**
 * One energy counter file read the way every powercap-style sensor reads it (RAPL zones, the hypervisor's per-VM
 * counter): the increase since the last read through {@link WrappingCounter}, a failed read skipped, and an increase
 * above {@link RaplSensor#PLAUSIBLE_MAX_WATTS} over the elapsed time dropped as a reset, each reported once as a problem
 * of the sensor's component.
 */
final class CheckedCounter {

    private final CounterFile file;
    private final Object path;
    private final WrappingCounter counter;
    private final String component;
    private final String name;
    private final String whenUnreadable;

    /**
     * @param name           how the jump line names the counter, e.g. "RAPL zone intel-rapl:0 (package-0)"
     * @param whenUnreadable what the read-failure line says happens, e.g. "that zone's energy is not counted until ..."
     */
    CheckedCounter(CounterFile file, Object path, WrappingCounter counter, String component, String name, String whenUnreadable) {
        this.file = file;
        this.path = path;
        this.counter = counter;
        this.component = component;
        this.name = name;
        this.whenUnreadable = whenUnreadable;
    }

    /** Microjoules since the previous call, 0 when unreadable or implausible. Never throws. */
    long delta(SampleFrame frame) {
        long plausible = (long) (RaplSensor.PLAUSIBLE_MAX_WATTS * 1e6 * Math.max(1.0, frame.elapsedSeconds()));
        long reading;
        try {
            reading = file.read();
        } catch (IOException | RuntimeException e) {
            AgentLog.problem(component, "read_failed", "cannot read " + path + " (" + e.getClass().getSimpleName() + "); " + whenUnreadable);
            return 0;
        }
        long delta = counter.advance(reading);
        if (delta > plausible) {
            AgentLog.problem(component, "implausible_delta", name + " jumped by " + delta / 1e6 + " J in " + frame.elapsedSeconds()
                    + " s (counter reset?); that jump is not counted");
            return 0;
        }
        return delta;
    }

    void close() {
        file.close();
    }
}
