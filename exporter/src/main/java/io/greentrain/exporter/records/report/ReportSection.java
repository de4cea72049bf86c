package io.greentrain.exporter.records.report;

import java.util.Collections;
import java.util.List;

/** One titled table of the report (first row is the header), or a note when there is nothing to tabulate. */
public final class ReportSection {

    private final String title;
    private final List<String[]> rows;
    private final String note;

    ReportSection(String title, List<String[]> rows, String note) {
        this.title = title;
        this.rows = Collections.unmodifiableList(rows);
        this.note = note;
    }

    public String title() {
        return title;
    }

    /** Header row first; only a header when the section is empty. */
    public List<String[]> rows() {
        return rows;
    }

    /** Text shown under the table, or instead of it when it has no data rows; may be empty. */
    public String note() {
        return note;
    }
}
