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
 * Reads a records file written by {@link CallRecordWriter} back into {@link CallRecord}s, in either format:
 * CSV when the name ends in {@code .csv} or the first line is the CSV header, else JSON Lines. Blank lines
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

        public List<CallRecord> records() {
            return records;
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
        CsvRecordCodec csv = new CsvRecordCodec();
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
                    boolean isCsv = csv.isHeader(line) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
                    codec = isCsv ? csv : new JsonRecordCodec();
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
