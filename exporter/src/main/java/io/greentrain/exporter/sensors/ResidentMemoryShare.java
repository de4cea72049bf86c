package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * This process's share of the host's DRAM energy: its resident memory (RSS) over the host's installed
 * memory.
 *
 * <p>Why installed and not used memory: DRAM power is dominated by refresh and background power that
 * every installed DIMM draws whether it holds data or not. Charging a process for the fraction of the
 * memory it occupies leaves the power of unused memory unattributed (as Kepler leaves idle power
 * unattributed), instead of charging the last busy process on an idle host for all of it (codecarbon
 * #629: 378 W of RAM charged to one job on a shared 1 TB host).
 *
 * <p>RSS is read on sampler ticks only; it changes slowly, and call boundaries must stay cheap.
 */
public final class ResidentMemoryShare {

    private static final Path STATUS = Paths.get("/proc/self/status");
    private static final Path STATM = Paths.get("/proc/self/statm");
    private static final Path MEMINFO = Paths.get("/proc/meminfo");

    private final LongSupplier residentBytes;
    private final long installedBytes;
    private double share;

    /**
     * @param residentBytes  RSS of this process in bytes (negative when unknown)
     * @param installedBytes installed memory of the host in bytes
     */
    public ResidentMemoryShare(LongSupplier residentBytes, long installedBytes) {
        this.residentBytes = Objects.requireNonNull(residentBytes, "residentBytes");
        if (installedBytes <= 0) {
            throw new IllegalArgumentException("installed memory must be > 0 bytes: " + installedBytes);
        }
        this.installedBytes = installedBytes;
        update();
    }

    /** This JVM: RSS from /proc/self/status (OSHI elsewhere), installed memory from /proc/meminfo. */
    public static ResidentMemoryShare forThisProcess() {
        LongSupplier rss = Files.isReadable(STATM) ? new StatmRss() : ResidentMemoryShare::readOwnRss;
        return new ResidentMemoryShare(rss, installedMemoryBytes());
    }

    public void update() {
        long rss = residentBytes.getAsLong();
        if (rss >= 0) {
            share = Math.min(1.0, (double) rss / installedBytes);
        }
    }

    public double share() {
        return share;
    }

    public long installedBytes() {
        return installedBytes;
    }

    /** Installed memory of the host: MemTotal of /proc/meminfo, else the OperatingSystemMXBean's figure. */
    public static long installedMemoryBytes() {
        try {
            for (String line : Files.readAllLines(MEMINFO, StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemTotal:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) bean).getTotalPhysicalMemorySize();
        }
        return 1;
    }

    static long readOwnRss() {
        try {
            List<String> lines = Files.readAllLines(STATUS, StandardCharsets.US_ASCII);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return oshiRss();
        }
        return -1;
    }

    private static long oshiRss() {
        try {
            oshi.SystemInfo info = new oshi.SystemInfo();
            oshi.software.os.OSProcess process = info.getOperatingSystem().getProcess(info.getOperatingSystem().getProcessId());
            return process == null ? -1 : process.getResidentMemory();
        } catch (Throwable e) {
            return -1;
        }
    }

    /**
     * RSS from {@code /proc/self/statm} (second field, in pages), kept open: a few hundred bytes less to
     * generate and parse than {@code status} on every tick. The page size is not available to Java
     * (4 KiB on x86-64, 4/16/64 KiB on arm64), so it is derived once from {@code status}: VmSize in kB over
     * statm's size in pages, rounded to a power of two.
     */
    private static final class StatmRss implements LongSupplier {
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(128);
        private final long pageSize = pageSize();
        private java.nio.channels.FileChannel channel;

        @Override
        public synchronized long getAsLong() {
            long[] fields = statm();
            return fields == null ? readOwnRss() : fields[1] * pageSize;
        }

        private long[] statm() {
            try {
                if (channel == null) {
                    channel = java.nio.channels.FileChannel.open(STATM, java.nio.file.StandardOpenOption.READ);
                }
                buffer.clear();
                channel.read(buffer, 0);
                buffer.flip();
                long[] fields = new long[2];
                int field = 0;
                boolean inNumber = false;
                while (buffer.hasRemaining() && field < 2) {
                    int c = buffer.get();
                    if (c >= '0' && c <= '9') {
                        fields[field] = fields[field] * 10 + (c - '0');
                        inNumber = true;
                    } else if (inNumber) {
                        field++;
                        inNumber = false;
                    }
                }
                return field >= 1 ? fields : null;
            } catch (IOException | RuntimeException e) {
                channel = null;
                return null;
            }
        }

        private long pageSize() {
            try {
                long[] fields = statm();
                long vmSizeKb = -1;
                for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("VmSize:")) {
                        vmSizeKb = kilobytes(line);
                    }
                }
                if (fields == null || fields[0] <= 0 || vmSizeKb <= 0) {
                    return 4096;
                }
                double ratio = vmSizeKb * 1024.0 / fields[0];
                long page = 4096;
                while (page * 2 <= ratio * 1.4) {
                    page *= 2;
                }
                return page;
            } catch (IOException | RuntimeException e) {
                return 4096;
            }
        }
    }

    private static long kilobytes(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
