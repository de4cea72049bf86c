package io.greentrain.examples.tradeoff;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;

/**
 * Follows the agent's records file like {@code tail -f}: remembers how far it has read and hands the complete lines
 * appended since to the exporter's own {@link CallRecordReader} (through a small window file of the same format), so
 * the study reads exactly the schema the agent writes. A half-written last line is left for the next read; lines the
 * reader skips are counted. Run records are dropped: the study charges each phase its call records
 * ({@code records.detail=calls}), and the run records beside them would count the same energy twice.
 */
public final class RecordsFile {

    private final Path path;
    private long offset;
    private int unreadable;
    private String firstProblem;

    /** Starts at the current end of the file, so records of earlier runs are ignored. */
    public static RecordsFile fromEnd(Path path) {
        RecordsFile f = new RecordsFile(path);
        try {
            f.offset = Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            f.offset = 0;
        }
        return f;
    }

    public static RecordsFile fromStart(Path path) {
        return new RecordsFile(path);
    }

    private RecordsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Call records appended since the last call. */
    public synchronized List<CallRecord> readNew() {
        List<CallRecord> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        byte[] complete;
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            if (length < offset) {
                offset = 0; // truncated or replaced
            }
            if (length == offset) {
                return out;
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return out;
            }
            offset += end;
            complete = java.util.Arrays.copyOf(bytes, end);
        } catch (IOException e) {
            problem(e.toString());
            return out;
        }
        String name = path.getFileName().toString();
        Path window = null;
        try {
            window = Files.createTempFile("greentrain-records-", name.toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".csv") ? ".csv" : ".jsonl");
            Files.write(window, complete);
            CallRecordReader.Result read = CallRecordReader.read(window);
            out.addAll(read.calls());
            if (read.skipped() > 0) {
                unreadable += read.skipped();
                problem(read.firstProblem());
            }
        } catch (IOException e) {
            problem(e.toString());
        } finally {
            if (window != null) {
                try {
                    Files.deleteIfExists(window);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
        return out;
    }

    private void problem(String text) {
        if (firstProblem == null) {
            firstProblem = text;
        }
    }

    public synchronized int unreadable() {
        return unreadable;
    }

    public synchronized String firstProblem() {
        return firstProblem;
    }
}
