package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * Reads the small one-value files of sysfs and procfs. An interface so that tests can simulate what a
 * test running as root cannot produce with chmod: a reader that throws the
 * {@link AccessDeniedException} the JDK throws for {@code EACCES}.
 *
 * <p>{@link #DIRECT} is {@code DirectSysfsReader}.
 */
public interface SysfsReader {

    /**
     * The file's first token as a decimal, non-negative long.
     *
     * @throws AccessDeniedException when the file may not be read (root-only {@code energy_uj})
     * @throws IOException           when it is missing, not a regular readable file, or not a number
     */
    long readLong(Path file) throws IOException;

    /** The file's first line without the line break. */
    String readLine(Path file) throws IOException;

    /**
     * A counter read repeatedly (RAPL {@code energy_uj}). By default every read is a {@link #readLong};
     * {@link #DIRECT} keeps sysfs and procfs files open.
     */
    default CounterFile counter(Path file) {
        return () -> readLong(file);
    }

    /** Reads through NIO, so that {@code EACCES} surfaces as {@link AccessDeniedException}. */
    SysfsReader DIRECT = new DirectSysfsReader();
}
