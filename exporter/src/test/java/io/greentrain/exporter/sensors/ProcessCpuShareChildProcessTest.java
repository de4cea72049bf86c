package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Real process share on this Linux host: a busy child process beside the JVM must lower the JVM's share,
 * because the host's CPU time now includes the child's. Other processes on a shared build machine also
 * lower the shares, by amounts nobody controls, so the main assertion is a bound that holds under any
 * extra load: the share is at most JVM CPU / (JVM CPU + child CPU). The exact arithmetic is
 * {@link ProcessCpuShareTest}'s job.
 */
class ProcessCpuShareChildProcessTest {

    @Test
    void aBusyChildProcessLowersTheJvmShare() throws Exception {
        assumeTrue(ProcStatCpuTimes.available(), "needs Linux /proc/stat");
        LongSupplier jvmCpu = ProcessCpuShare.processCpuClock();
        ProcessCpuShare share = ProcessCpuShare.forThisProcess(System::nanoTime);

        share.update();
        busy(1200);
        share.update();
        double alone = share.share();

        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(100); // let the child get going
            long childBefore = cpuNanos(child.pid());
            long jvmBefore = jvmCpu.getAsLong();
            share.update();
            busy(1200);
            share.update();
            double withChild = share.share();
            long childUsed = cpuNanos(child.pid()) - childBefore;
            long jvmUsed = jvmCpu.getAsLong() - jvmBefore;

            assertThat(alone).as("a busy JVM alone").isGreaterThan(0.0);
            assertThat(childUsed).as("the child ran beside the JVM").isGreaterThan(Math.max(50_000_000L, jvmUsed / 5));
            // the host's busy time holds at least the JVM's and the child's CPU time, whatever else runs
            double bound = (double) jvmUsed / (jvmUsed + childUsed);
            assertThat(withChild).isGreaterThan(0.0).isLessThanOrEqualTo(bound + 0.05);
            if (alone > 0.6) {
                // a quiet machine (no other builds): the direct comparison is meaningful too
                assertThat(withChild).isLessThan(alone - 0.1);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.identityHashCode(new Object()) & 1;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    /** utime + stime of a process from /proc/PID/stat (fields 14 and 15, after the parenthesised name). */
    private static long cpuNanos(long pid) throws Exception {
        String stat = new String(Files.readAllBytes(Paths.get("/proc", String.valueOf(pid), "stat")), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * ProcStatCpuTimes.NANOS_PER_TICK;
    }
}
