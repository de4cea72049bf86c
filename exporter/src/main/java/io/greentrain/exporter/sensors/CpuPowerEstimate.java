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

    /** {@link #forHost(CpuModel, CpuTdpTable, double, CpuId)} without CPUID facts. */
    public static CpuPowerEstimate forHost(CpuModel cpu, CpuTdpTable table, double configuredWattsPerSocket) {
        return forHost(cpu, table, configuredWattsPerSocket, CpuId.UNKNOWN);
    }

    /**
     * The first rule that applies, named in {@link #basis()} so that {@code doctor} can say which one chose the figure:
     * <ol>
     *   <li>{@code greentrain.estimate.cpu.watts} x sockets, when set;</li>
     *   <li>in a virtual machine (CPUID hypervisor bit), the architecture's watts per vCPU ({@link VcpuPowerTable}) x vCPUs:
     *       a physical socket's TDP would charge a 2-vCPU VM for the whole socket;</li>
     *   <li>the model's TDP from {@link CpuTdpTable} x sockets;</li>
     *   <li>on bare metal with a model the table does not know, the architecture's watts per thread x threads;</li>
     *   <li>in a VM whose architecture is not recognised, CCF's AWS average per vCPU x vCPUs;</li>
     *   <li>{@link #DEFAULT_WATTS_PER_THREAD} x logical CPUs.</li>
     * </ol>
     *
     * @param configuredWattsPerSocket {@code greentrain.estimate.cpu.watts}; 0 means "look the model up"
     */
    public static CpuPowerEstimate forHost(CpuModel cpu, CpuTdpTable table, double configuredWattsPerSocket, CpuId id) {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(id, "id");
        if (configuredWattsPerSocket < 0 || Double.isNaN(configuredWattsPerSocket) || Double.isInfinite(configuredWattsPerSocket)) {
            throw new IllegalArgumentException("configured CPU watts must be finite and >= 0: " + configuredWattsPerSocket);
        }
        if (configuredWattsPerSocket > 0) {
            return new CpuPowerEstimate(configuredWattsPerSocket * cpu.sockets(),
                    "configured greentrain.estimate.cpu.watts=" + fmt(configuredWattsPerSocket) + " W x " + cpu.sockets() + " socket(s)");
        }
        Optional<VcpuPowerTable.Architecture> architecture = VcpuPowerTable.of(id);
        String override = "; set greentrain.estimate.cpu.watts (W per socket, your share in a VM) to override";
        if (id.virtualMachine() && architecture.isPresent()) {
            return perVcpu(cpu, architecture.get(), "rule: virtual machine, CPUID " + id + " -> " + architecture.get().name, override, "vCPUs");
        }
        Optional<CpuTdpTable.Match> match = table.lookup(cpu.name());
        if (match.isPresent()) {
            return new CpuPowerEstimate(match.get().wattsPerSocket() * cpu.sockets(), "TDP table: '" + match.get().name() + "' "
                    + fmt(match.get().wattsPerSocket()) + " W x " + cpu.sockets() + " socket(s)");
        }
        if (architecture.isPresent()) {
            return perVcpu(cpu, architecture.get(), "rule: model '" + cpu.name() + "' not in the TDP table, CPUID " + id + " -> "
                    + architecture.get().name, override, "threads");
        }
        if (id.virtualMachine()) {
            return perVcpu(cpu, VcpuPowerTable.AWS_AVERAGE, "rule: virtual machine, CPUID " + id + " not a known architecture", override,
                    "vCPUs");
        }
        return new CpuPowerEstimate(DEFAULT_WATTS_PER_THREAD * cpu.logicalCpus(), "model '" + cpu.name()
                + "' not in the TDP table: default " + fmt(DEFAULT_WATTS_PER_THREAD) + " W x " + cpu.logicalCpus() + " threads" + override);
    }

    private static CpuPowerEstimate perVcpu(CpuModel cpu, VcpuPowerTable.Architecture architecture, String rule, String override,
                                            String unit) {
        return new CpuPowerEstimate(architecture.maxWatts * cpu.logicalCpus(), rule + ": " + fmt(architecture.maxWatts)
                + " W per vCPU (Cloud Carbon Footprint coefficients, ccf-coefficients b0032d92) x " + cpu.logicalCpus() + " " + unit
                + override);
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
