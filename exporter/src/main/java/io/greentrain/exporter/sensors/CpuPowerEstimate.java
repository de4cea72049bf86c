package io.greentrain.exporter.sensors;

import java.util.Objects;
import java.util.Optional;

/**
 * The CPU power model used where RAPL cannot be read (label {@code source="estimate"}):
 *
 * <pre>  P(u) = TDP × (IDLE_FRACTION + (1 − IDLE_FRACTION) × u)</pre>
 *
 * where u in [0, 1] is the host CPU load ({@link ProcessCpuShare#hostLoad()}) and TDP is, first found:
 * <ol>
 *   <li>{@code greentrain.estimate.cpu.watts} × sockets, when set (watts per socket, as TDP is specified);</li>
 *   <li>the model's TDP from {@link CpuTdpTable} × sockets;</li>
 *   <li>{@link #DEFAULT_WATTS_PER_THREAD} × logical CPUs, for models the table does not know
 *       (codecarbon's rule of thumb).</li>
 * </ol>
 * A linear curve with a 10 % idle floor is a deliberate simplification (real packages draw 20 to 50 % of
 * TDP idle and can exceed TDP in turbo); codecarbon's 0.1 + 0.9·u³ would put a half-loaded CPU at 21 % of
 * TDP, which under-reports typical training loads. In a VM the table's TDP is the whole physical socket's:
 * set {@code greentrain.estimate.cpu.watts} to your share.
 */
public final class CpuPowerEstimate {

    public static final double IDLE_FRACTION = 0.1;
    public static final double DEFAULT_WATTS_PER_THREAD = 4.0;

    private final double tdpWatts;
    private final String basis;

    CpuPowerEstimate(double tdpWatts, String basis) {
        if (!(tdpWatts > 0) || Double.isInfinite(tdpWatts)) {
            throw new IllegalArgumentException("TDP must be finite and > 0 W: " + tdpWatts);
        }
        this.tdpWatts = tdpWatts;
        this.basis = Objects.requireNonNull(basis);
    }

    /**
     * @param configuredWattsPerSocket {@code greentrain.estimate.cpu.watts}; 0 means "look the model up"
     */
    public static CpuPowerEstimate forHost(CpuModel cpu, CpuTdpTable table, double configuredWattsPerSocket) {
        Objects.requireNonNull(cpu, "cpu");
        if (configuredWattsPerSocket < 0 || Double.isNaN(configuredWattsPerSocket) || Double.isInfinite(configuredWattsPerSocket)) {
            throw new IllegalArgumentException("configured CPU watts must be finite and >= 0: " + configuredWattsPerSocket);
        }
        if (configuredWattsPerSocket > 0) {
            return new CpuPowerEstimate(configuredWattsPerSocket * cpu.sockets(),
                    "configured greentrain.estimate.cpu.watts=" + fmt(configuredWattsPerSocket) + " W x " + cpu.sockets() + " socket(s)");
        }
        Optional<CpuTdpTable.Match> match = table.lookup(cpu.name());
        if (match.isPresent()) {
            return new CpuPowerEstimate(match.get().wattsPerSocket() * cpu.sockets(), "TDP table: '" + match.get().name() + "' "
                    + fmt(match.get().wattsPerSocket()) + " W x " + cpu.sockets() + " socket(s)");
        }
        return new CpuPowerEstimate(DEFAULT_WATTS_PER_THREAD * cpu.logicalCpus(), "model '" + cpu.name()
                + "' not in the TDP table: default " + fmt(DEFAULT_WATTS_PER_THREAD) + " W x " + cpu.logicalCpus() + " threads");
    }

    /** Host CPU power in watts at load u (clamped to [0, 1]). */
    public double watts(double load) {
        double u = load < 0 || Double.isNaN(load) ? 0 : Math.min(1, load);
        return tdpWatts * (IDLE_FRACTION + (1 - IDLE_FRACTION) * u);
    }

    /** TDP of all sockets together. */
    public double tdpWatts() {
        return tdpWatts;
    }

    /** Where the TDP came from, for {@code doctor} and the channel description. */
    public String basis() {
        return basis;
    }

    static String fmt(double watts) {
        return watts == Math.rint(watts) ? String.valueOf((long) watts) : String.valueOf(watts);
    }
}
