package io.greentrain.exporter.records;

/**
 * How far a modelled figure may be from the energy it stands for: the true value lies between {@code low} and
 * {@code high} times the estimate, from published comparisons of such models with measurement. The band is a fixed
 * ratio, so it scales with the joules and sums across runs. Measured sources (rapl, nvml, hypervisor) carry none:
 * they report what their counters say (RAPL covers packages and memory, not the board, fans or power supply).
 *
 * <ul>
 *   <li>CPU, TDP x (0.1 + 0.9 x load), against RAPL package power: 0.5 to 2.0. Low end: at full load RAPL read 0.52 to
 *       0.92 of such an estimate on four CPUs (codecarbon's CPU-load vs RAPL profiling, B. Courty, January 2025,
 *       codecarbon/data/hardware/cpu_load_profiling, commit 69384f34), and a static-TDP estimate was 0.33 to 2.00 of
 *       wall energy, median 0.38 (R. Fischer 2025, "Ground-Truthing AI Energy Consumption", arXiv:2509.22092). High
 *       end: the 90th percentile of the codecarbon phases, 1.71, and the Teads curve fitted to RAPL on AWS bare metal
 *       (B. Davy 2021), 1.36 to 1.7 times this line at 10 to 50 % load. Below 30 % load on AMD parts the codecarbon
 *       data reach 2.6: the band does not cover those.</li>
 *   <li>DRAM, 0.375 W per GB installed: 0.1 to 1.1. Low end: the one measured point found, RAPL dram 6.1 W on a
 *       192 GB server under load where the estimate says 72 W (0.085, same codecarbon profiling). High end: Micron's
 *       0.408 W/GB rule of thumb (TN-40-07) as used by Cloud Carbon Footprint, 1.09: a vendor figure, not a
 *       measurement. The per-GB figure is an upper bound on large servers and unvalidated on small machines.</li>
 * </ul>
 */
public final class EstimateBand {

    /**
     * The record labels of the modelled source and of memory (the sensors' {@code EnergySource.ESTIMATE} and
     * {@code Component.DRAM}): records are read where no sensor exists (the report, the study), so they go by label.
     */
    static final String ESTIMATE = "estimate";
    static final String DRAM = "dram";

    public static final double CPU_LOW = 0.5;
    public static final double CPU_HIGH = 2.0;
    public static final double DRAM_LOW = 0.1;
    public static final double DRAM_HIGH = 1.1;

    private EstimateBand() {
    }

    /** The low factor for a component's figure from {@code source}, or 1 when it carries no band. */
    public static double low(String component, String source) {
        if (!ESTIMATE.equals(source)) {
            return 1;
        }
        return DRAM.equals(component) ? DRAM_LOW : CPU_LOW;
    }

    /** The high factor, or 1 when the figure carries no band. */
    public static double high(String component, String source) {
        if (!ESTIMATE.equals(source)) {
            return 1;
        }
        return DRAM.equals(component) ? DRAM_HIGH : CPU_HIGH;
    }

    /** Whether a figure from {@code source} is modelled and so carries a band. */
    public static boolean applies(String source) {
        return ESTIMATE.equals(source);
    }
}
