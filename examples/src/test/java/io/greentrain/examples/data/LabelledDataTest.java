package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelledDataTest {

    static LabelledData square(int rows) {
        float[][] x = new float[rows][16];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 16; j++) {
                x[i][j] = i + j / 16f;
            }
            y[i] = i % 3;
        }
        return new LabelledData("t", x, y, new String[] {"a", "b", "c"});
    }

    @Test
    void poolsSquareImagesByAveraging() {
        LabelledData pooled = square(2).pooled(2);
        assertThat(pooled.numFeatures()).isEqualTo(4);
        // top-left 2x2 block of a 4x4 image: features 0, 1, 4, 5
        assertThat(pooled.features()[1][0]).isEqualTo(1 + (0 + 1 + 4 + 5) / 64f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(pooled.labels()).containsExactly(0, 1);
    }

    @Test
    void shuffledSliceIsSeededAndKeepsRowLabelPairs() {
        LabelledData d = square(50);
        LabelledData a = d.shuffled(3).head(10);
        LabelledData b = d.shuffled(3).head(10);
        assertThat(a.labels()).containsExactly(b.labels());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.labels()[i]).isEqualTo(((int) a.features()[i][0]) % 3);
        }
        assertThat(d.rows(new int[] {4, 4}).size()).isEqualTo(2);
    }

    @Test
    void rejectsLabelsOutsideTheClasses() {
        assertThatThrownBy(() -> new LabelledData("t", new float[1][1], new int[] {3}, new String[] {"a"}))
                .hasMessageContaining("label 3");
    }

    @Test
    void digitsSplitIsStratified() {
        TrainTest tt = Digits.split(square(300), 0.2, 42);
        assertThat(tt.test().size()).isEqualTo(60);
        assertThat(tt.test().classCounts()).containsExactly(20, 20, 20);
        assertThat(tt.train().classCounts()).containsExactly(80, 80, 80);
    }
}
