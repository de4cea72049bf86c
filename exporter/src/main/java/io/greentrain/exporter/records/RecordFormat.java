package io.greentrain.exporter.records;

import java.util.Locale;

/** Layout of the records file: one JSON object per line, or CSV with one header row. */
public enum RecordFormat {
    JSONL, CSV;

    /** {@code jsonl} or {@code csv}, any case. @throws IllegalArgumentException naming the value otherwise */
    public static RecordFormat of(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("jsonl") || t.equals("json")) {
            return JSONL;
        }
        if (t.equals("csv")) {
            return CSV;
        }
        throw new IllegalArgumentException("records format must be jsonl or csv: '" + text + "'");
    }

    RecordCodec codec() {
        return this == JSONL ? new JsonRecordCodec() : new CsvRecordCodec();
    }
}
