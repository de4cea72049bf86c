package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the small one-value files of sysfs and procfs. An interface so that tests can simulate what a
 * test running as root cannot produce with chmod: a reader that throws the
 * {@link AccessDeniedException} the JDK throws for {@code EACCES}.
 *
 * <p>{@link #DIRECT} opens the file for every read instead of keeping it open: sysfs would allow
 * re-reading an open file from offset 0, but a test fixture that replaces a counter file atomically
 * (write + rename) would then be read through the old inode forever.
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

    /** Reads through NIO, so that {@code EACCES} surfaces as {@link AccessDeniedException}. */
    SysfsReader DIRECT = new SysfsReader() {
        @Override
        public long readLong(Path file) throws IOException {
            ByteBuffer buffer = read(file, 64);
            long value = 0;
            int digits = 0;
            while (buffer.hasRemaining()) {
                int c = buffer.get();
                if (c >= '0' && c <= '9') {
                    if (digits == 18) {
                        throw new IOException("number too large in " + file);
                    }
                    value = value * 10 + (c - '0');
                    digits++;
                } else if (digits > 0 || (c != ' ' && c != '\t')) {
                    break;
                }
            }
            if (digits == 0) {
                throw new IOException("no number in " + file);
            }
            return value;
        }

        @Override
        public String readLine(Path file) throws IOException {
            ByteBuffer buffer = read(file, 256);
            String text = new String(buffer.array(), 0, buffer.limit(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        }

        private ByteBuffer read(Path file, int size) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // sysfs hands out the whole value in the first read; loop for regular files
                }
            }
            buffer.flip();
            return buffer;
        }
    };
}
