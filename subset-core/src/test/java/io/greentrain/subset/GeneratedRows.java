package io.greentrain.subset;

import java.util.SplittableRandom;

/**
 * A data set that exists only while it is read: row i of class i·7 mod 5 is that class's centre plus uniform noise,
 * generated into one reused buffer, so n rows cost O(d) memory however large n·d is. Each pass replays the same rows.
 */
final class GeneratedRows implements RowSource {

    private final long rows;
    private final int width;
    private final long seed;
    private final float[][] centres;

    GeneratedRows(long rows, int width, long seed) {
        this.rows = rows;
        this.width = width;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        centres = new float[5][width];
        for (float[] centre : centres) {
            for (int j = 0; j < width; j++) {
                centre[j] = (float) (random.nextDouble() * 20 - 10);
            }
        }
    }

    /** Bytes of float features the whole data set would take in memory. */
    long featureBytes() {
        return rows * width * Float.BYTES;
    }

    @Override
    public RowCursor open() {
        SplittableRandom noise = new SplittableRandom(seed);
        float[] buffer = new float[width];
        return new RowCursor() {
            private long next;
            private int label;

            @Override
            public boolean advance() {
                if (next >= rows) {
                    return false;
                }
                label = (int) ((next * 7) % 5);
                // class 4 is spread 5 times wider, so the rows far from the mean are not uniform in the classes
                double spread = label == 4 ? 5 : 1;
                float[] centre = centres[label];
                for (int j = 0; j < width; j++) {
                    buffer[j] = centre[j] + (float) ((noise.nextDouble() - 0.5) * spread);
                }
                next++;
                return true;
            }

            @Override
            public float[] row() {
                return buffer;
            }

            @Override
            public int label() {
                return label;
            }
        };
    }

    @Override
    public String toString() {
        return "GeneratedRows[" + rows + " x " + width + "]";
    }
}
