package io.greentrain.examples.tradeoff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One run of the grid: a model trained on one coreset (or on all rows), evaluated on the test split. */
public final class RunResult {

    /** The method name of the full-data baseline runs. */
    public static final String FULL = "full";

    String data = "";
    String library = "";
    String model = "";
    String method = "";
    double fraction;
    long seed;
    int rowsAvailable;
    int rowsUsed;
    int rowsTrained;
    double accuracy = Double.NaN;
    double selectionSeconds;
    double selectionJoules = Double.NaN;
    double selectionGrams = Double.NaN;
    String selectionCalls = "";
    double trainingSeconds = Double.NaN;
    double trainingJoules = Double.NaN;
    double trainingGrams = Double.NaN;
    /** component -> joules and component -> source, insertion-ordered (cpu, dram, gpu ...). */
    final Map<String, Double> trainingComponentJoules = new LinkedHashMap<>();
    final Map<String, String> trainingComponentSource = new LinkedHashMap<>();
    /** Position in the executed (shuffled) order, from 1. */
    int order;
    /** Joules of the proxy scoring charged to this run (part of {@link #selectionJoules}). */
    double scoringJoules;
    /** Progressive runs: "fraction:validation accuracy" per step, ';'-separated. */
    String steps = "";
    String zone = "";
    double gramsPerKwh = Double.NaN;
    String intensitySource = "";
    double pue = Double.NaN;

    public RunResult() {
    }

    /** A result with the key fields set (for tests and summaries). */
    public static RunResult of(String library, String model, String method, double fraction, long seed,
                               double accuracy, double selectionJoules, double trainingJoules, double grams) {
        RunResult r = new RunResult();
        r.library = library;
        r.model = model;
        r.method = method;
        r.fraction = fraction;
        r.seed = seed;
        r.accuracy = accuracy;
        r.selectionJoules = selectionJoules;
        r.trainingJoules = trainingJoules;
        r.trainingGrams = grams;
        r.selectionGrams = 0;
        return r;
    }

    public String data() {
        return data;
    }

    public String library() {
        return library;
    }

    public String model() {
        return model;
    }

    public String modelId() {
        return library + "/" + model;
    }

    public String method() {
        return method;
    }

    public boolean isFull() {
        return FULL.equals(method);
    }

    public double fraction() {
        return fraction;
    }

    public long seed() {
        return seed;
    }

    public int rowsUsed() {
        return rowsUsed;
    }

    public int rowsTrained() {
        return rowsTrained;
    }

    public double accuracy() {
        return accuracy;
    }

    public double selectionSeconds() {
        return selectionSeconds;
    }

    public double selectionJoules() {
        return selectionJoules;
    }

    public double trainingSeconds() {
        return trainingSeconds;
    }

    public double trainingJoules() {
        return trainingJoules;
    }

    /** Selection plus training joules; a full-data run has no selection. Unmeasured selection counts as NaN. */
    public double totalJoules() {
        return isFull() ? trainingJoules : selectionJoules + trainingJoules;
    }

    /** Training joules plus selection joules where the agent measured them (NaN selection counts as 0). */
    public double totalJoulesMeasured() {
        return isFull() || Double.isNaN(selectionJoules) ? trainingJoules : selectionJoules + trainingJoules;
    }

    /** Grams CO2e of selection plus training (NaN selection grams count as 0 here, see the CSV for the parts). */
    public double grams() {
        double sel = isFull() || Double.isNaN(selectionGrams) ? 0 : selectionGrams;
        return trainingGrams + sel;
    }

    public double selectionGrams() {
        return selectionGrams;
    }

    public double trainingGrams() {
        return trainingGrams;
    }

    public int order() {
        return order;
    }

    public double scoringJoules() {
        return scoringJoules;
    }

    public String steps() {
        return steps;
    }

    public String zone() {
        return zone;
    }

    public Map<String, Double> trainingComponentJoules() {
        return trainingComponentJoules;
    }

    public Map<String, String> trainingComponentSource() {
        return trainingComponentSource;
    }

    @Override
    public String toString() {
        return modelId() + " " + method + " " + fraction + " seed " + seed + " acc " + accuracy + " J "
                + totalJoules();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RunResult)) {
            return false;
        }
        RunResult r = (RunResult) o;
        return library.equals(r.library) && model.equals(r.model) && method.equals(r.method)
                && fraction == r.fraction && seed == r.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, model, method, fraction, seed);
    }
}
