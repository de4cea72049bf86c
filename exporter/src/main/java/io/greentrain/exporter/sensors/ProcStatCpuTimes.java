package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Host CPU time from the first line of Linux {@code /proc/stat}
 * ({@code cpu user nice system idle iowait irq softirq steal guest guest_nice}, in USER_HZ ticks).
 *
 * <p>busy = user + nice + system + irq + softirq: CPU time that processes and the kernel used on this
 * host's CPUs. guest time is already inside user. steal (time the hypervisor gave to other guests) is
 * neither busy nor idle for us, so it is left out of both. total = busy + idle + iowait.
 *
 * <p>USER_HZ is 100 on every Linux ABI ({@code /proc} is defined in it), so one tick is 10 ms.
 */
public final class ProcStatCpuTimes implements HostCpuTimes {

    public static final Path PROC_STAT = Paths.get("/proc/stat");
    static final long NANOS_PER_TICK = 10_000_000L;

    private final Path file;
    private final boolean keepOpen;
    private final ByteBuffer buffer = ByteBuffer.allocate(512);
    private FileChannel channel;
    private final long[] fields = new long[10];

    public ProcStatCpuTimes(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        // procfs regenerates the file on every read from offset 0: keep it open (see DirectSysfsReader)
        this.keepOpen = DirectSysfsReader.regeneratedOnRead(file);
    }

    /** True on Linux hosts where {@code /proc/stat} can be read. */
    public static boolean available() {
        return Files.isReadable(PROC_STAT);
    }

    @Override
    public synchronized boolean read(long[] busyAndTotalNanos) {
        buffer.clear();
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            // only the aggregate first line is needed; it fits in the buffer on any host
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                if (containsNewline()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            closeChannel();
            return false;
        } finally {
            if (!keepOpen) {
                closeChannel();
            }
        }
        buffer.flip();
        if (!parseFirstLine()) {
            return false;
        }
        long busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
        long total = busy + fields[3] + fields[4];
        busyAndTotalNanos[0] = busy * NANOS_PER_TICK;
        busyAndTotalNanos[1] = total * NANOS_PER_TICK;
        return true;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only pseudo file
            }
            channel = null;
        }
    }

    private boolean containsNewline() {
        for (int i = 0; i < buffer.position(); i++) {
            if (buffer.get(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    private boolean parseFirstLine() {
        if (buffer.remaining() < 4 || buffer.get(0) != 'c' || buffer.get(1) != 'p' || buffer.get(2) != 'u' || buffer.get(3) != ' ') {
            return false;
        }
        java.util.Arrays.fill(fields, 0);
        int field = -1;
        boolean inNumber = false;
        for (int i = 3; i < buffer.limit(); i++) {
            byte c = buffer.get(i);
            if (c == '\n') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (!inNumber) {
                    field++;
                    inNumber = true;
                    if (field >= fields.length) {
                        break;
                    }
                }
                fields[field] = fields[field] * 10 + (c - '0');
            } else {
                inNumber = false;
            }
        }
        return field >= 3;
    }
}
