package io.greentrain.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The job's pieces in this JVM, no cluster: options, the synthetic data, one training run per library. */
class SparkTrainingJobTest {

    @Test
    void optionsDefaultToTwoPartitionsAndALibrarySizedRowCount() {
        SparkTrainingJob.Options o = SparkTrainingJob.Options.parse("--library", "tribuo");
        assertThat(o.partitions).isEqualTo(2);
        assertThat(o.rowsPerPartition).isEqualTo(SparkTrainingJob.defaultRows("tribuo"));
        assertThat(o.await).isNull();
        assertThat(o.appName).isNull();
    }

    @Test
    void optionsParseEveryFlag() {
        SparkTrainingJob.Options o = SparkTrainingJob.Options.parse("--library", "SMILE", "--partitions", "4",
                "--rows-per-partition", "1000", "--await", "/tmp/go", "--app-name", "fleet");
        assertThat(o.library).isEqualTo("smile");
        assertThat(o.partitions).isEqualTo(4);
        assertThat(o.rowsPerPartition).isEqualTo(1000);
        assertThat(o.await).isEqualTo(Path.of("/tmp/go"));
        assertThat(o.appName).isEqualTo("fleet");
    }

    @Test
    void optionsRejectUnknownLibrariesAndFlags() {
        assertThatThrownBy(() -> SparkTrainingJob.Options.parse("--library", "weka")).hasMessageContaining("smile or tribuo");
        assertThatThrownBy(() -> SparkTrainingJob.Options.parse("--epochs", "3")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SparkTrainingJob.Options.parse("--partitions")).hasMessageContaining("missing value");
    }

    @Test
    void eachPartitionGetsItsOwnReproducibleData() {
        int[] y1 = new int[100];
        int[] y2 = new int[100];
        int[] other = new int[100];
        double[][] x1 = SparkTrainingJob.data(3, 100, y1);
        double[][] x2 = SparkTrainingJob.data(3, 100, y2);
        double[][] x3 = SparkTrainingJob.data(4, 100, other);
        assertThat(x1).isDeepEqualTo(x2);
        assertThat(y1).isEqualTo(y2);
        assertThat(x1[0]).hasSize(SparkTrainingJob.FEATURES).isNotEqualTo(x3[0]);
        assertThat(y1).contains(0, 1);
    }

    @Test
    void bothLibrariesLearnTheSyntheticProblem() {
        int[] y = new int[4000];
        double[][] x = SparkTrainingJob.data(0, 4000, y);
        assertThat(SparkTrainingJob.trainSmile(x, y)).isBetween(0.75, 0.9);
        assertThat(SparkTrainingJob.trainTribuo(x, y)).isBetween(0.75, 0.9);
    }
}
