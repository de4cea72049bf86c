package io.greentrain.exporter.attribution;

/**
 * How calls that run at the same time in one JVM share the process's energy of an interval between
 * two call boundaries. Shares are non-negative and sum to 1, so the calls together never get more than
 * the process used.
 *
 * <p>CPU energy, by CPU time: each call's weight is the CPU time its own thread (the one that started
 * the call) used in the interval, plus an equal part of the process CPU time that no call's thread
 * explains. That unexplained part is the work of threads GreenTrain cannot tie to one call: native
 * BLAS/OpenMP pools (ND4J, OpenBLAS, MKL), parallel-stream workers, GC and JIT. When no weight is
 * positive (nobody used CPU, or thread CPU time is unavailable), the shares are equal.
 *
 * <p>DRAM and GPU energy, equally: one process's resident memory and GPU kernels cannot be told apart
 * per call.
 */
public final class OverlapSplit {

    private OverlapSplit() {
    }

    /**
     * @param threadCpuNanos   CPU time each call's thread used in the interval; negative when unknown
     * @param processCpuNanos  CPU time of the whole process in the interval
     * @return one share per call, each in [0, 1], summing to 1
     */
    public static double[] cpuShares(long[] threadCpuNanos, long processCpuNanos) {
        int n = threadCpuNanos.length;
        if (n == 0) {
            throw new IllegalArgumentException("no calls to split between: threadCpuNanos has length 0");
        }
        long explained = 0;
        for (long t : threadCpuNanos) {
            explained += Math.max(0, t);
        }
        double unexplainedEach = Math.max(0, processCpuNanos - explained) / (double) n;
        double[] weights = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            weights[k] = Math.max(0, threadCpuNanos[k]) + unexplainedEach;
            total += weights[k];
        }
        for (int k = 0; k < n; k++) {
            weights[k] = total > 0 ? weights[k] / total : 1.0 / n;
        }
        return weights;
    }

    /** Equal shares for {@code n} calls. */
    public static double[] equalShares(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no calls to split between: n=" + n);
        }
        double[] shares = new double[n];
        java.util.Arrays.fill(shares, 1.0 / n);
        return shares;
    }
}
