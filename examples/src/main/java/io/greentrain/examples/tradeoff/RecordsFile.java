package io.greentrain.examples.tradeoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import io.greentrain.exporter.records.RecordFormat;

/**
 * Follows the agent's records file like {@code tail -f}: remembers how far it has read and hands each complete line
 * appended since to the exporter's own {@link CallRecordReader#parseLine}, so the study reads exactly the schema the
 * agent writes. JSON Lines, or CSV when the file is named {@code *.csv} or has a CSV header row (header rows are
 * skipped). A half-written last line is left for the next read; lines the parser rejects are counted, the first with
 * its line number in the file and the parser's reason. Run records are dropped: the study charges each phase its call
 * records ({@code records.detail=calls}), and the run records beside them would count the same energy twice.
 */
public final class RecordsFile {

    private final Path path;
    private long offset;
    /** Complete lines read before {@link #offset}, for the line numbers of problems. */
    private long linesRead;
    private boolean csv;
    private int unreadable;
    private String firstProblem;

    /** Starts at the current end of the file, so records of earlier runs are ignored. */
    public static RecordsFile fromEnd(Path path) {
        RecordsFile f = new RecordsFile(path);
        if (Files.exists(path)) {
            // up to the end of the last complete line (a half-written one is read once complete), counting lines
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[64 * 1024];
                long position = 0;
                boolean firstLine = true;
                ByteArrayOutputStream first = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            f.offset = position + i + 1;
                            f.linesRead++;
                            if (firstLine) {
                                // a CSV file's header is its top line, before where this reader starts
                                f.csv |= CallRecordReader.isHeader(first.toString(StandardCharsets.UTF_8));
                                firstLine = false;
                            }
                        } else if (firstLine && first.size() < 16_384) {
                            first.write(buffer[i]);
                        }
                    }
                    position += n;
                }
            } catch (IOException e) {
                f.offset = 0;
                f.linesRead = 0;
            }
        }
        return f;
    }

    public static RecordsFile fromStart(Path path) {
        return new RecordsFile(path);
    }

    private RecordsFile(Path path) {
        this.path = path;
        this.csv = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
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
                linesRead = 0;
            }
            if (length == offset) {
                return out;
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            int end = completeLength(bytes);
            if (end == 0) {
                return out;
            }
            offset += end;
            complete = bytes.length == end ? bytes : java.util.Arrays.copyOf(bytes, end);
        } catch (IOException e) {
            problem(e.toString());
            return out;
        }
        // complete ends in '\n': the last piece is the nothing after it; the parser drops the \r of a CRLF line
        String[] lines = new String(complete, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            linesRead++;
            if (line.trim().isEmpty()) {
                continue;
            }
            if (CallRecordReader.isHeader(line)) {
                csv = true;
                continue;
            }
            try {
                CallRecord record = CallRecordReader.parseLine(line, csv ? RecordFormat.CSV : RecordFormat.JSONL);
                if (!record.run().isRun()) {
                    out.add(record);
                }
            } catch (IllegalArgumentException e) {
                unreadable++;
                problem("line " + linesRead + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The length of the complete lines in {@code bytes}: up to and including its last line break. */
    private static int completeLength(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
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
