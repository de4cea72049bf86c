package io.greentrain.exporter.sensors;

import io.greentrain.exporter.status.AgentLog;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was found for one component on this host: the source that will be used (or none), what it
 * reads, and, when a measuring sensor could not be used, why and the exact fix. {@code doctor} prints
 * these; the exporter {@linkplain #log() logs} each once at its {@link Severity}.
 */
public final class SensorDiagnosis {

    /** How loudly a problem is reported when the exporter starts. */
    public enum Severity {
        /** A sensor that exists cannot be used (permission denied, driver error): one counted warning. */
        WARNING,
        /** A sensor this kind of host usually lacks (no RAPL in a VM): one info line. */
        INFO,
        /** Nothing to say unless asked (no NVIDIA library): debug only; {@code doctor} still shows it. */
        QUIET
    }

    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final Component component;
    private final EnergySource source;
    private final String detail;
    private final String unusedSensor;
    private final String problem;
    private final String problemReason;
    private final String fix;
    private final Severity severity;
    private final List<String> notes;

    SensorDiagnosis(Component component, EnergySource source, String detail, String unusedSensor, String problem,
                    String problemReason, String fix, Severity severity, List<String> notes) {
        this.component = Objects.requireNonNull(component);
        this.source = source;
        this.detail = Objects.requireNonNull(detail);
        this.unusedSensor = unusedSensor;
        this.problem = problem;
        this.problemReason = problemReason;
        this.fix = fix == null ? "" : fix;
        this.severity = Objects.requireNonNull(severity);
        this.notes = List.copyOf(notes);
    }

    static SensorDiagnosis measured(Component component, EnergySource source, String detail, List<String> notes) {
        return new SensorDiagnosis(component, source, detail, null, null, null, "", Severity.QUIET, notes);
    }

    public Component component() {
        return component;
    }

    /** The source in use; null when the component is not reported at all (no GPU). */
    public EnergySource source() {
        return source;
    }

    public boolean reported() {
        return source != null;
    }

    /** What is read or modelled, e.g. the zones summed or the TDP basis. */
    public String detail() {
        return detail;
    }

    /** The measuring sensor that could not be used ({@code rapl}, {@code nvml}), null when none failed. */
    public String unusedSensor() {
        return unusedSensor;
    }

    /** Why {@link #unusedSensor()} is not used; null when nothing failed. */
    public String problem() {
        return problem;
    }

    /** Bounded reason label ({@code permission_denied}, {@code absent}, ...); null when nothing failed. */
    public String problemReason() {
        return problemReason;
    }

    /** The exact fix; empty when nothing needs fixing. */
    public String fix() {
        return fix;
    }

    public Severity severity() {
        return severity;
    }

    /** Zones or devices left out and why. */
    public List<String> notes() {
        return notes;
    }

    /** Reports the problem once per JVM through {@link AgentLog} at its {@link Severity}; nothing when there is none. */
    public void log() {
        if (problem == null) {
            return;
        }
        String used = source == null ? component.label() + " is not reported"
                : component.label() + " energy is " + (source == EnergySource.ESTIMATE ? "estimated (source=estimate)" : "read from " + source.label());
        String message = problem + "; " + used + (fix.isEmpty() ? "" : ". Fix: " + fix);
        if (severity == Severity.WARNING) {
            AgentLog.problem(unusedSensor, problemReason, message);
        } else if (LOGGED.add(unusedSensor + ":" + problemReason)) {
            if (severity == Severity.INFO) {
                AgentLog.info(message);
            } else {
                AgentLog.debug(message);
            }
        }
    }
}
