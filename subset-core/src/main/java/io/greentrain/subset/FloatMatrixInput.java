package io.greentrain.subset;

/** A {@code float[][]} with optional labels; read, never modified. */
final class FloatMatrixInput extends RowInput implements FeatureMatrix {

    private final float[][] rows;
    private final int[] labels;
    private final String name;

    FloatMatrixInput(float[][] rows, int[] labels, String name) {
        this.rows = rows;
        this.labels = labels;
        this.name = name;
    }

    @Override
    RowPass open(int pass) {
        return new RowPass() {
            private int next;
            private float[] row;
            private int current = -1;

            @Override
            boolean advance() {
                if (next >= rows.length) {
                    return false;
                }
                current = next++;
                row = rows[current];
                if (row == null) {
                    throw new IllegalArgumentException(name + "[" + current + "] is null");
                }
                return true;
            }

            @Override
            int label() {
                return labels == null ? RowCursor.NO_LABEL : labels[current];
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
            float[] copyRow() {
                return row.clone();
            }
        };
    }

    @Override
    String describe() {
        return name + " (float[" + rows.length + "][])";
    }

    @Override
    FeatureMatrix matrix() {
        return this;
    }

    @Override
    public int rows() {
        return rows.length;
    }

    @Override
    public int label(int row) {
        return labels == null ? RowCursor.NO_LABEL : labels[row];
    }

    @Override
    public double squaredDistance(int a, int b) {
        return Kernels.squaredDistance(rows[a], rows[b]);
    }
}
