package io.greentrain.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of (Fashion-)MNIST: big-endian magic {@code 0x0000TTDD} (TT = 0x08 unsigned byte,
 * DD = number of dimensions), one int per dimension, then the data. Files ending in {@code .gz} are gunzipped.
 */
public final class IdxReader {

    /** IDX magic of an image file: unsigned bytes, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x0803;
    /** IDX magic of a label file: unsigned bytes, 1 dimension. */
    public static final int LABELS_MAGIC = 0x0801;

    private IdxReader() {
    }

    /** Images scaled to [0, 1], one row of {@code rows x cols} pixels per image. */
    public static float[][] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IOException(file + ": not an IDX image file (magic " + magic + ", expected " + IMAGES_MAGIC + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > 1 << 20) {
                throw new IOException(file + ": implausible IDX header " + count + "x" + rows + "x" + cols);
            }
            float[][] images = new float[count][rows * cols];
            byte[] buffer = new byte[rows * cols];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                float[] row = images[i];
                for (int j = 0; j < buffer.length; j++) {
                    row[j] = (buffer[j] & 0xff) / 255f;
                }
            }
            return images;
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IOException(file + ": not an IDX label file (magic " + magic + ", expected " + LABELS_MAGIC + ")");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + ": negative label count " + count);
            }
            byte[] raw = new byte[count];
            in.readFully(raw);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            raw = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return new DataInputStream(raw);
    }
}
