package io.greentrain.exporter.records;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a records file written by {@link CallRecordWriter} back into {@link CallRecord}s, in either format and either
 * schema (1: a record per call; 2: a record per run): CSV when the name ends in {@code .csv} or the first line is a CSV
 * header, else JSON Lines. Blank lines are ignored; malformed lines are skipped and counted (a job killed mid-write, a
 * hand edit), so one bad line does not hide the rest. {@link #parseLine} reads one line, for a reader that follows a
 * file as it grows.
 */
public final class CallRecordReader {

    /** What was read: the records, and how many lines were skipped with the first reason. */
    public static final class Result {
        private final List<CallRecord> records;
        private final int skipped;
        private final String firstProblem;

        Result(List<CallRecord> records, int skipped, String firstProblem) {
            this.records = Collections.unmodifiableList(records);
            this.skipped = skipped;
            this.firstProblem = firstProblem;
        }

        /** Every record in file order: runs, and calls where {@code records.detail=calls} wrote them (or schema 1). */
        public List<CallRecord> records() {
            return records;
        }

        /** The run records ({@code kind=run}). */
        public List<CallRecord> runs() {
            return filter(true);
        }

        /** The call records ({@code kind=call}: {@code records.detail=calls}, and every record of a schema-1 file). */
        public List<CallRecord> calls() {
            return filter(false);
        }

        private List<CallRecord> filter(boolean runs) {
            List<CallRecord> matching = new ArrayList<>();
            for (CallRecord record : records) {
                if (record.run().isRun() == runs) {
                    matching.add(record);
                }
            }
            return Collections.unmodifiableList(matching);
        }

        public int skipped() {
            return skipped;
        }

        /** "line N: why" for the first skipped line, else "". */
        public String firstProblem() {
            return firstProblem;
        }
    }

    /** How much of a bad line a message quotes. */
    private static final int QUOTED_CHARS = 200;

    /** One codec of each format for {@link #parseLine} (both are immutable), made on first use. */
    private static final class Codecs {
        static final RecordCodec JSON = new JsonRecordCodec();
        static final RecordCodec CSV = new CsvRecordCodec();
    }

    private CallRecordReader() {
    }

    /**
     * One JSON Lines record, of either schema (2: a run's or a call's; 1: a call's), as {@link #read} reads it from a
     * {@code .jsonl} file: for a reader that follows a records file itself (the trade-off study tails the agent's).
     *
     * @param line one line, with or without its line break ({@code \n} or {@code \r\n})
     * @throws IllegalArgumentException naming the line (its first {@value #QUOTED_CHARS} characters) and what is wrong
     *                                  with it: blank, not JSON, not an object, a missing field, a bad value
     */
    public static CallRecord parseLine(String line) {
        return parseLine(line, RecordFormat.JSONL);
    }

    /**
     * One record line of {@code format}: a JSON Lines record of either schema, or a CSV data row of this schema (a row
     * of a narrower schema-2 layout is read by its width, as {@link #read} does). A CSV file's header row is no record:
     * skip it with {@link #isHeader}.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it (a CSV header included), or when
     *                                  {@code format} is null
     */
    public static CallRecord parseLine(String line, RecordFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("records format must be jsonl or csv: null");
        }
        if (line == null) {
            throw new IllegalArgumentException("not a records line: null");
        }
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text; // as BufferedReader.readLine does
        if (text.trim().isEmpty()) {
            throw bad(line, "blank line");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw bad(line, "more than one line; a record is one line");
        }
        if (format == RecordFormat.CSV && isHeader(text)) {
            throw bad(line, "a CSV header row, not a record");
        }
        try {
            return (format == RecordFormat.CSV ? Codecs.CSV : Codecs.JSON).parse(text);
        } catch (IOException e) {
            throw bad(line, e.getMessage());
        } catch (RuntimeException e) { // the CSV parser's own complaints
            throw bad(line, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Whether {@code line} is the header row of a CSV records file, of any schema {@link #read} reads. */
    public static boolean isHeader(String line) {
        return line != null && CsvRecordCodec.forHeader(line) != null;
    }

    private static IllegalArgumentException bad(String line, String why) {
        String quoted = line.length() <= QUOTED_CHARS ? "'" + line + "'"
                : "'" + line.substring(0, QUOTED_CHARS) + "...' (" + line.length() + " characters)";
        return new IllegalArgumentException("not a records line (" + why + "): " + quoted);
    }

    /** @throws IOException when the file cannot be opened or read */
    public static Result read(Path file) throws IOException {
        List<CallRecord> records = new ArrayList<>();
        int skipped = 0;
        String firstProblem = "";
        CsvRecordCodec csv = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RecordCodec codec = null;
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.trim().isEmpty()) {
                    continue;
                }
                if (codec == null) {
                    csv = CsvRecordCodec.forHeader(line);
                    if (csv == null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        csv = new CsvRecordCodec(); // headerless: rows of the current schema
                    }
                    codec = csv != null ? csv : new JsonRecordCodec();
                }
                if (codec == csv && csv.isHeader(line)) {
                    continue;
                }
                try {
                    records.add(codec.parse(line));
                } catch (IOException e) {
                    if (skipped++ == 0) {
                        firstProblem = "line " + number + ": " + e.getMessage();
                    }
                }
            }
        }
        return new Result(records, skipped, firstProblem);
    }
}
