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
 * header, else JSON Lines. Blank lines
 * are ignored; malformed lines are skipped and counted (a job killed mid-write, a hand edit), so one bad
 * line does not hide the rest.
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

    private CallRecordReader() {
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
