package io.greentrain.exporter.sensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The sensors detected on this host, once, with what was found for each component and the two share
 * rules (CPU time, resident memory). Capabilities are decided here and never re-probed: the sampler
 * and the metrics register only what this set can measure.
 */
public final class SensorSet implements AutoCloseable {

    private final List<EnergySensor> sensors;
    private final List<SensorDiagnosis> diagnoses;
    private final ProcessCpuShare cpuShare;
    private final ResidentMemoryShare memoryShare;

    public SensorSet(List<EnergySensor> sensors, List<SensorDiagnosis> diagnoses, ProcessCpuShare cpuShare,
                     ResidentMemoryShare memoryShare) {
        this.sensors = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(sensors, "sensors")));
        this.diagnoses = List.copyOf(Objects.requireNonNull(diagnoses, "diagnoses"));
        this.cpuShare = Objects.requireNonNull(cpuShare, "cpuShare");
        this.memoryShare = Objects.requireNonNull(memoryShare, "memoryShare");
    }

    public List<EnergySensor> sensors() {
        return sensors;
    }

    /** One per component (cpu, dram, gpu), in that order. */
    public List<SensorDiagnosis> diagnoses() {
        return diagnoses;
    }

    public ProcessCpuShare cpuShare() {
        return cpuShare;
    }

    public ResidentMemoryShare memoryShare() {
        return memoryShare;
    }

    /** Prints each diagnosis's problem once (see {@link SensorDiagnosis#log()}). */
    public void logDiagnoses() {
        for (SensorDiagnosis diagnosis : diagnoses) {
            diagnosis.log();
        }
    }

    /** Closes every sensor (NVML shutdown). Never throws. */
    @Override
    public void close() {
        for (EnergySensor sensor : sensors) {
            try {
                sensor.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the JVM may be going away
            }
        }
    }
}
