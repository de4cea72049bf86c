package io.greentrain.agent.it.apps;

import java.util.Random;
import smile.classification.LogisticRegression;

/**
 * A job whose only training call is one small Smile fit (tens of milliseconds), made the moment {@code main} starts,
 * after which the JVM exits at once: the call a dormant agent must not lose.
 */
public final class ShortCallJob {

    public static void main(String[] args) {
        Random random = new Random(7);
        double[][] x = new double[400][5];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2;
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = random.nextGaussian() + y[i];
            }
        }
        long start = System.nanoTime();
        LogisticRegression model = LogisticRegression.fit(x, y);
        System.out.println("fit millis " + (System.nanoTime() - start) / 1_000_000);
        System.out.println("predicted " + model.predict(x[1]));
        System.exit(0);
    }
}
