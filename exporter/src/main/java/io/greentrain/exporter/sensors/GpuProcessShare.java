package io.greentrain.exporter.sensors;

import java.util.function.IntPredicate;

/**
 * Decides which share of a GPU's energy this process caused in an interval, from what NVML says about
 * the processes on the device. The rule, first that applies:
 * <ol>
 *   <li>NVML cannot list the device's processes: {@link Basis#UNSPLIT}, share 1 (the device is visible to
 *       this process; an upper bound, labelled as such).</li>
 *   <li>No process on the device: {@link Basis#IDLE}, share 0 (idle power belongs to nobody).</li>
 *   <li>This process is the only one: {@link Basis#EXCLUSIVE}, share 1.</li>
 *   <li>This process is one of several and NVML has per-process SM utilisation samples for the interval
 *       with a non-zero sum: {@link Basis#UTILIZATION}, share = own SM% / sum of SM% (Kepler's rule).</li>
 *   <li>This process is one of several without usable samples: {@link Basis#UNSPLIT}, share 1/n.</li>
 *   <li>This process is not listed, and every listed pid is a process we can see in our own /proc:
 *       {@link Basis#NOT_ON_DEVICE}, share 0.</li>
 *   <li>This process is not listed, but some listed pids are invisible to us: we are probably in a
 *       container whose pid namespace hides the host pids NVML reports, and may be one of them:
 *       {@link Basis#UNSPLIT}, share 1/n.</li>
 * </ol>
 * {@link Basis#UNSPLIT} is exported as {@code split="unsplit"} so a rule of thumb is never mistaken for a split.
 */
public final class GpuProcessShare {

    /** Why a share was chosen. */
    public enum Basis { EXCLUSIVE, UTILIZATION, IDLE, NOT_ON_DEVICE, UNSPLIT }

    private final double share;
    private final Basis basis;

    private GpuProcessShare(double share, Basis basis) {
        this.share = share;
        this.basis = basis;
    }

    /**
     * @param ownPid       this process's pid
     * @param runningPids  pids NVML lists on the device, null when it cannot list them
     * @param samplePids   pids of NVML's per-process utilisation samples for the interval (may repeat), null when none
     * @param sampleSm     SM utilisation % of each sample, parallel to {@code samplePids}
     * @param visiblePid   whether a pid is a process in our own pid namespace
     */
    public static GpuProcessShare decide(long ownPid, int[] runningPids, int[] samplePids, int[] sampleSm, IntPredicate visiblePid) {
        if (runningPids == null) {
            return new GpuProcessShare(1, Basis.UNSPLIT);
        }
        int n = runningPids.length;
        if (n == 0) {
            return new GpuProcessShare(0, Basis.IDLE);
        }
        boolean ours = false;
        boolean someInvisible = false;
        for (int pid : runningPids) {
            if (pid == ownPid) {
                ours = true;
            } else if (!visiblePid.test(pid)) {
                someInvisible = true;
            }
        }
        if (ours && n == 1) {
            return new GpuProcessShare(1, Basis.EXCLUSIVE);
        }
        if (ours) {
            if (samplePids != null && sampleSm != null && samplePids.length == sampleSm.length) {
                long own = 0;
                long total = 0;
                for (int i = 0; i < samplePids.length; i++) {
                    long sm = Math.max(0, sampleSm[i]);
                    total += sm;
                    if (samplePids[i] == ownPid) {
                        own += sm;
                    }
                }
                if (total > 0) {
                    return new GpuProcessShare((double) own / total, Basis.UTILIZATION);
                }
            }
            return new GpuProcessShare(1.0 / n, Basis.UNSPLIT);
        }
        return someInvisible ? new GpuProcessShare(1.0 / n, Basis.UNSPLIT) : new GpuProcessShare(0, Basis.NOT_ON_DEVICE);
    }

    /** In [0, 1]. */
    public double share() {
        return share;
    }

    public Basis basis() {
        return basis;
    }

    public boolean unsplit() {
        return basis == Basis.UNSPLIT;
    }

    @Override
    public String toString() {
        return basis.name().toLowerCase(java.util.Locale.ROOT) + " " + share;
    }
}
