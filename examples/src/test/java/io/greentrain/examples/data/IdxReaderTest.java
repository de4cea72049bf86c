package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsGzippedImagesScaledToUnitRangeAndLabels() throws IOException {
        Path images = dir.resolve("imgs-idx3-ubyte.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x0803);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(3);
            out.write(new byte[] {0, (byte) 255, 51, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 128});
        }
        Path labels = dir.resolve("labels-idx1-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x0801);
            out.writeInt(2);
            out.write(new byte[] {9, 3});
        }
        float[][] x = IdxReader.readImages(images);
        assertThat(x).hasDimensions(2, 6);
        assertThat(x[0][0]).isZero();
        assertThat(x[0][1]).isEqualTo(1f);
        assertThat(x[0][2]).isEqualTo(0.2f);
        assertThat(x[1][5]).isEqualTo(128 / 255f);
        assertThat(IdxReader.readLabels(labels)).containsExactly(9, 3);
    }

    @Test
    void rejectsWrongMagicAndTruncatedFiles() throws IOException {
        Path labels = dir.resolve("bad");
        try (OutputStream raw = Files.newOutputStream(labels); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(0x0801);
            out.writeInt(5);
            out.write(new byte[] {1, 2});
        }
        assertThatThrownBy(() -> IdxReader.readImages(labels)).hasMessageContaining("not an IDX image file");
        assertThatThrownBy(() -> IdxReader.readLabels(labels)).isInstanceOf(IOException.class);
    }
}
