package io.greentrain.subset;

/**
 * Argument checks shared by the selectors. Every message names the offending value, so a user can find the bad row,
 * label or setting without a debugger.
 */
final class Checks {

    /** Labels index a dense per-class table; larger values are almost certainly not class indices. */
    static final int MAX_LABEL = (1 << 20) - 1;

    private Checks() {
    }

    static void labelsMatchRows(int[] labels, long rows) {
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException("labels.length = " + labels.length + " does not match the number of rows = "
                    + rows);
        }
    }

    static void notEmpty(long rows, Object source) {
        if (rows == 0) {
            throw new IllegalArgumentException("empty data: " + source + " has rows = 0");
        }
    }

    static int label(int label, long row) {
        if (label < 0 || label > MAX_LABEL) {
            throw new IllegalArgumentException("label " + label + " of row " + row
                    + " is not a class index in [0, " + MAX_LABEL + "]");
        }
        return label;
    }

    static void sameWidth(int width, int expected, long row) {
        if (width != expected) {
            throw new IllegalArgumentException("row " + row + " has " + width + " features but row 0 has " + expected);
        }
    }

    static void hasFeatures(int width) {
        if (width == 0) {
            throw new IllegalArgumentException("rows have 0 features (row 0 has length 0)");
        }
    }

    static IllegalArgumentException notFinite(long row, int column, double value) {
        return new IllegalArgumentException("feature [" + row + "][" + column + "] = " + value
                + " is not finite (NaN or infinite features cannot be selected from)");
    }

    static int firstNonFinite(double[] row) {
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                return j;
            }
        }
        return -1;
    }
}
