package io.greentrain.subset;

import java.util.function.BiFunction;

/**
 * The rows of a {@code float[][]}, a {@code double[][]} or a user's {@link RowSource}, read, never modified. Every row
 * is seen as a {@code double[]} (a double matrix's own row, a float row widened into one reused buffer), so each
 * kernel in {@link Kernels} is one loop. The three inputs differ only in how a pass reaches its rows ({@link Rows}).
 * A source's failure to restart becomes an {@link IllegalArgumentException} naming it.
 */
final class DataInput extends RowInput implements FeatureMatrix {

    /** One pass over the rows as doubles; {@code scratch} may be filled and returned. */
    private interface Reader extends AutoCloseable {
        boolean advance();

        double[] row(double[][] scratch);

        int label();

        RowCursor cursor();

        @Override
        void close();
    }

    /** Random access to in-memory rows; null for a streamed source. */
    private interface Table {
        int size();

        /** Row {@code i} as doubles, widened into {@code scratch[0]} if it is not a double row. */
        double[] row(int i, double[][] scratch);
    }

    private final Table table;
    private final RowSource source;
    private final int[] labels;
    private final String description;
    private final double[][] scratchA = new double[1][];
    private final double[][] scratchB = new double[1][];

    private DataInput(Table table, RowSource source, int[] labels, String description) {
        this.table = table;
        this.source = source;
        this.labels = labels;
        this.description = description;
    }

    static DataInput of(float[][] rows, int[] labels, String name) {
        return ofRows(rows, DataInput::widen, labels, name, "float");
    }

    static DataInput of(double[][] rows, int[] labels, String name) {
        return ofRows(rows, (row, scratch) -> row, labels, name, "double");
    }

    /** In-memory rows of {@code type}, each seen as doubles through {@code asDoubles} (which may fill the scratch). */
    private static <R> DataInput ofRows(R[] rows, BiFunction<R, double[][], double[]> asDoubles, int[] labels, String name,
                                        String type) {
        return new DataInput(new Table() {
            @Override
            public int size() {
                return rows.length;
            }

            @Override
            public double[] row(int i, double[][] scratch) {
                return asDoubles.apply(notNull(rows[i], name, i), scratch);
            }
        }, null, labels, name + " (" + type + "[" + rows.length + "][])");
    }

    static DataInput of(RowSource source) {
        return new DataInput(null, source, null, String.valueOf(source));
    }

    @Override
    RowPass open(int pass) {
        Reader reader = table != null ? tableReader() : sourceReader(pass);
        return new RowPass() {
            private final double[][] scratch = new double[1][];
            private double[] row;

            @Override
            boolean advance() {
                if (!reader.advance()) {
                    return false;
                }
                row = reader.row(scratch);
                return true;
            }

            @Override
            int label() {
                return reader.label();
            }

            @Override
            int width() {
                return row.length;
            }

            @Override
            void welford(double inverseCount, double[] mean, double[] m2) {
                Kernels.welford(row, inverseCount, mean, m2);
            }

            @Override
            double squaredDistance(double[] center) {
                return Kernels.squaredDistance(row, center);
            }

            @Override
            int firstNonFinite() {
                return Checks.firstNonFinite(row);
            }

            @Override
            double value(int column) {
                return row[column];
            }

            @Override
            double[] values() {
                return row;
            }

            @Override
            float[] copyRow() {
                float[] copy = new float[row.length];
                for (int j = 0; j < row.length; j++) {
                    copy[j] = (float) row[j];
                }
                return copy;
            }

            @Override
            RowCursor cursor() {
                return reader.cursor();
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    private Reader tableReader() {
        return new Reader() {
            private int current = -1;

            @Override
            public boolean advance() {
                if (current + 1 >= table.size()) {
                    return false;
                }
                current++;
                return true;
            }

            @Override
            public double[] row(double[][] scratch) {
                return table.row(current, scratch);
            }

            @Override
            public int label() {
                return DataInput.this.label(current);
            }

            @Override
            public RowCursor cursor() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    private Reader sourceReader(int pass) {
        RowCursor cursor;
        try {
            cursor = source.open();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("row source " + description + " cannot start pass " + pass
                    + " (it cannot restart): " + e, e);
        }
        if (cursor == null) {
            throw new IllegalArgumentException("row source " + description + " returned no cursor for pass " + pass);
        }
        return new Reader() {
            @Override
            public boolean advance() {
                return cursor.advance();
            }

            @Override
            public double[] row(double[][] scratch) {
                float[] row = cursor.row();
                if (row == null) {
                    throw new IllegalArgumentException("row source " + description + " returned a null row");
                }
                return widen(row, scratch);
            }

            @Override
            public int label() {
                return cursor.label();
            }

            @Override
            public RowCursor cursor() {
                return cursor;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    private static <T> T notNull(T row, String name, int i) {
        if (row == null) {
            throw new IllegalArgumentException(name + "[" + i + "] is null");
        }
        return row;
    }

    /** The row as doubles in {@code scratch[0]}, which is reallocated only when the width changes. */
    private static double[] widen(float[] row, double[][] scratch) {
        double[] into = scratch[0];
        if (into == null || into.length != row.length) {
            into = new double[row.length];
            scratch[0] = into;
        }
        for (int j = 0; j < row.length; j++) {
            into[j] = row[j];
        }
        return into;
    }

    @Override
    String describe() {
        return description;
    }

    @Override
    FeatureMatrix matrix() {
        return table == null ? null : this;
    }

    @Override
    public int rows() {
        return table.size();
    }

    @Override
    public int label(int row) {
        return labels == null ? RowCursor.NO_LABEL : labels[row];
    }

    @Override
    public double squaredDistance(int a, int b) {
        return Kernels.squaredDistance(table.row(a, scratchA), table.row(b, scratchB));
    }
}
