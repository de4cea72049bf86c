package io.greentrain.examples.tradeoff;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the agent's records file like {@code tail -f}: remembers how far it has read and returns the complete
 * lines appended since. A half-written last line is left for the next read. Unparseable lines are counted, not
 * fatal (a CSV header, a line of a newer schema).
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

    /** Records appended since the last call. */
    public synchronized List<AgentRecord> readNew() {
        List<AgentRecord> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
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
            int lastNewline = -1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                return out;
            }
            String text = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
            offset += lastNewline + 1;
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                try {
                    // the study charges each phase its calls (records.detail=calls); the run records beside them would
                    // count the same energy twice
                    if (AgentRecordParser.isRunRecord(l)) {
                        continue;
                    }
                    out.add(AgentRecordParser.parse(l));
                } catch (IOException | RuntimeException e) {
                    unreadable++;
                    if (firstProblem == null) {
                        firstProblem = e.getMessage() + " in: " + (l.length() > 200 ? l.substring(0, 200) + "..." : l);
                    }
                }
            }
        } catch (IOException e) {
            unreadable++;
            if (firstProblem == null) {
                firstProblem = e.toString();
            }
        }
        return out;
    }

    public synchronized int unreadable() {
        return unreadable;
    }

    public synchronized String firstProblem() {
        return firstProblem;
    }
}
