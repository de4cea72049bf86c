package smile.classification;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fixture: a Smile-style model with delegating static fit overloads (fit(x,y) → fit(x,y,Properties) → positional). */
public final class FixtureModel implements Classifier {

    /** Threads on which the innermost fit ran, so tests can see fan-out really happened on other threads. */
    public static final List<String> TRAINED_ON = new CopyOnWriteArrayList<>();

    private FixtureModel() {
    }

    public static FixtureModel fit(double[][] x, int[] y) {
        Properties properties = new Properties();
        properties.setProperty("lambda", "0.1");
        return fit(x, y, properties);
    }

    public static FixtureModel fit(double[][] x, int[] y, Properties properties) {
        return fit(x, y, Double.parseDouble(properties.getProperty("lambda")));
    }

    public static FixtureModel fit(double[][] x, int[] y, double lambda) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("The sizes of X and Y don't match: " + x.length + " != " + y.length);
        }
        TRAINED_ON.add(Thread.currentThread().getName());
        return new FixtureModel();
    }
}
