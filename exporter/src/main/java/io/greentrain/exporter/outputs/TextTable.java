package io.greentrain.exporter.outputs;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned columns (the first row is the header) for the console output of the commands. */
public final class TextTable {

    private TextTable() {
    }

    public static void print(PrintWriter out, List<String[]> rows, int indent) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.println(line.toString().replaceAll("\\s+$", ""));
        }
    }
}
