package io.greentrain.subset.smile;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.classification.LogisticRegression;

/**
 * Compiled against Smile 3.1.1, run by {@link Smile6CompatibilityTest} on Smile 6 jars: the arrays adapter and a
 * Smile trainer called through it must link and work there too.
 */
public final class Smile6CompatibilityMain {

    private Smile6CompatibilityMain() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(1);
        int n = 2000;
        double[][] x = new double[n][5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 5; j++) {
                x[i][j] = random.nextGaussian() + (y[i] == 1 ? 1.5 : 0);
            }
        }
        LogisticRegression model = SmileCoresets.fit(x, y, CoresetSelector.stratified().fraction(0.1).seed(1),
                LogisticRegression::fit);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += model.predict(x[i]) == y[i] ? 1 : 0;
        }
        WeightedRows rows = SmileCoresets.select(x, y, CoresetSelector.lightweight().size(300).seed(2));
        Coreset coreset = rows.coreset();
        int[] samples = SmileCoresets.samples(coreset, 1);
        System.out.println("SMILE " + LogisticRegression.class.getPackage().getImplementationVersion()
                + " accuracy=" + (double) correct / n + " rows=" + rows.x().length
                + " samples=" + Arrays.stream(samples).sum());
    }
}
