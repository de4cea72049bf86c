package io.greentrain.subset;

/** A user's {@link RowSource}; a failure to restart becomes an {@link IllegalArgumentException} naming it. */
final class CursorInput extends RowInput {

    private final RowSource source;

    CursorInput(RowSource source) {
        this.source = source;
    }

    @Override
    RowPass open(int pass) {
        RowCursor cursor;
        try {
            cursor = source.open();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("row source " + describe() + " cannot start pass " + pass
                    + " (it cannot restart): " + e, e);
        }
        if (cursor == null) {
            throw new IllegalArgumentException("row source " + describe() + " returned no cursor for pass " + pass);
        }
        return new RowPass() {
            private float[] row;

            @Override
            boolean advance() {
                if (!cursor.advance()) {
                    return false;
                }
                row = cursor.row();
                if (row == null) {
                    throw new IllegalArgumentException("row source " + describe() + " returned a null row");
                }
                return true;
            }

            @Override
            int label() {
                return cursor.label();
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

            @Override
            RowCursor cursor() {
                return cursor;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    @Override
    String describe() {
        return String.valueOf(source);
    }
}
