package io.greentrain.exporter.records;

import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * Appends one line per finished call to the records file ({@code greentrain.records.file}).
 *
 * <p>Rules: each record is serialised first and handed to the OS in one append-mode write, so when the call
 * returns the line is in the file (no buffer in the JVM to lose at exit). A CSV file gets its header once,
 * in the same write as its first row. A failure (missing or read-only directory, disk full) never throws:
 * the file is cut back to its length before the write, so a partial line never follows the complete ones,
 * and the problem is reported once through {@link AgentLog#problem} (and counted each time). Later records
 * are tried again, so writing resumes when the cause goes away. Records hold no configuration, hence no secret.
 * Thread-safe; the file is opened per record so that rotating or deleting it between calls is harmless.
 */
public final class CallRecordWriter {

    /** Opens the file for one append; replaced in tests to simulate a full disk. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    private final Path file;
    private final RecordFormat format;
    private final RecordCodec codec;
    private final ChannelOpener opener;
    /** The file's size right after this writer's last append; -1 before the first. */
    private long sizeAfterOurLastWrite = -1;

    public CallRecordWriter(Path file, RecordFormat format) {
        this(file, format, path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    CallRecordWriter(Path file, RecordFormat format, ChannelOpener opener) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        this.codec = format.codec();
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    public Path file() {
        return file;
    }

    public RecordFormat format() {
        return format;
    }

    /** Whether the file's last byte is a newline (a channel of its own: an append channel cannot read). */
    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return read.read(last, size - 1) == 1 && last.get(0) == '\n';
        }
    }

    /** Checks up front that the directory exists, so a typo shows at start-up rather than after the first call. */
    public void checkDirectory() {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            AgentLog.problem("records", "directory_missing", "records file " + file + " (" + io.greentrain.config.Options.RECORDS_FILE.key() + ") cannot be written: directory " + dir
                    + " does not exist; training continues without records");
        }
    }

    /** Appends the record; false (after a reported problem) when it could not be written. Never throws. */
    public synchronized boolean append(CallRecord record) {
        String line;
        try {
            line = codec.line(record);
        } catch (RuntimeException e) {
            AgentLog.problem("records", "serialise_failed", "call record not written: " + e.getClass().getSimpleName());
            return false;
        }
        try (FileChannel channel = opener.open(file)) {
            long before = channel.size();
            String text = before == 0 && !codec.header().isEmpty() ? codec.header() + "\n" + line : line;
            // only when someone else wrote since our last append (a JVM before us, or beside us): our own lines are whole
            if (before > 0 && before != sizeAfterOurLastWrite && !endsWithNewline(file, before)) {
                // A JVM killed while writing can leave part of a line: Linux checks for a fatal signal between the pages
                // of a write, so a record that straddles a page boundary may be cut there. Start on a line of our own,
                // so the fragment stays one damaged line that the reader skips and counts, and nothing is overwritten
                // (a truncation could race another JVM appending to the same file).
                text = "\n" + text;
                AgentLog.problem("records", "partial_line", "records file " + file + " ended in the middle of a line (a JVM killed"
                        + " while writing?); it is left as it is, and readers skip it");
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                sizeAfterOurLastWrite = channel.size();
            } catch (IOException e) {
                cutBack(channel, before);
                throw e;
            }
            return true;
        } catch (IOException e) {
            AgentLog.problem("records", reason(e), "records file " + file + " not written: " + describe(e)
                    + "; training continues, records already in the file are intact");
            return false;
        } catch (RuntimeException e) {
            AgentLog.problem("records", "write_failed", "records file " + file + " not written: " + e.getClass().getSimpleName()
                    + "; training continues");
            return false;
        }
    }

    /** Removes a partial line left by a failed write, so the file still ends with a complete record. */
    private static void cutBack(FileChannel channel, long length) {
        try {
            if (channel.size() > length) {
                channel.truncate(length);
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing more we can do; the next successful write starts on its own line only if this worked
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return "directory_missing";
        }
        if (e instanceof AccessDeniedException) {
            return "permission_denied";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space") || message.contains("quota") || message.contains("disk full")) {
            return "disk_full";
        }
        if (message.contains("not a directory")) {
            return "directory_missing";
        }
        if (message.contains("read-only")) {
            return "permission_denied";
        }
        return "write_failed";
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException fse = (FileSystemException) e;
            String why = fse.getReason() == null ? e.getClass().getSimpleName() : fse.getReason();
            return why + (fse.getFile() == null ? "" : " (" + fse.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
