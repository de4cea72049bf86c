package io.greentrain.subset;

/** n rows without features, only labels: for the methods that never read features (uniform, stratified, el2n). */
final class IndexInput extends RowInput {

    private static final float[] NO_FEATURES = new float[0];

    private final int rows;
    private final int[] labels;

    IndexInput(int rows, int[] labels) {
        this.rows = rows;
        this.labels = labels;
    }

    @Override
    RowPass open(int pass) {
        return new RowPass() {
            private int current = -1;

            @Override
            boolean advance() {
                if (current + 1 >= rows) {
                    return false;
                }
                current++;
                return true;
            }

            @Override
            int label() {
                return labels == null ? RowCursor.NO_LABEL : labels[current];
            }

            @Override
            int width() {
                return 0;
            }

            @Override
            void welford(double inverseCount, double[] mean, double[] m2) {
            }

            @Override
            double squaredDistance(double[] center) {
                return 0;
            }

            @Override
            int firstNonFinite() {
                return -1;
            }

            @Override
            double value(int column) {
                throw new IndexOutOfBoundsException("no features");
            }

            @Override
            double[] values() {
                return new double[0];
            }

            @Override
            float[] copyRow() {
                return NO_FEATURES;
            }
        };
    }

    @Override
    String describe() {
        return rows + " rows without features";
    }
}
