package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.greentrain.api.GreenTrain;
import io.greentrain.examples.data.TrainTest;
import io.greentrain.examples.jobs.Classifier;
import io.greentrain.examples.jobs.Trainer;
import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.ScoreBand;
import io.greentrain.subset.SelectionMethod;

/**
 * Runs the grid: for each seed, the full-data run of every model, then for each selection method and fraction one
 * selection (charged once to every model trained on it, since each would have paid for it alone) and one training
 * run per model, evaluated on the held-out test split. Energy and CO2e come from the {@link EnergyMeter}.
 */
public final class TradeoffStudy {

    /** What the study reports as it goes. */
    public interface Listener {
        void started(int totalRuns);

        void runFinished(RunResult result);

        default void message(String text) {
        }
    }

    private final TrainTest data;
    private final StudySettings settings;
    private final EnergyMeter meter;

    public TradeoffStudy(TrainTest data, StudySettings settings, EnergyMeter meter) {
        this.data = data;
        this.settings = settings;
        this.meter = meter;
    }

    public List<RunResult> run(Listener listener) throws Exception {
        List<RunResult> results = new ArrayList<>();
        listener.started(settings.totalRuns());
        Consumer<RunResult> done = r -> {
            results.add(r);
            listener.runFinished(r);
        };
        for (long seed : settings.seeds) {
            if (settings.includesFull()) {
                for (Trainer trainer : settings.trainers) {
                    done.accept(train(trainer, RunResult.FULL, 1.0, seed, null, PhaseEnergy.none(), null));
                }
            }
            PhaseEnergy scoring = null;
            double[] scores = null;
            for (String method : settings.methods) {
                if (method.equals("el2n") && scores == null && !settings.subsetFractions().isEmpty()) {
                    final long s = seed;
                    // the proxy's training and scoring pass, measured as one call of library 'custom'
                    EnergyMeter.Metered<double[]> m = meter.measure("custom", () -> GreenTrain.measure(
                            "el2n-scoring", () -> El2nScores.compute(data.train(), settings.el2nProxies,
                                    settings.el2nEpochs, s)));
                    scores = m.value();
                    scoring = m.energy();
                }
                for (double fraction : settings.subsetFractions()) {
                    final double[] sc = scores;
                    final long s = seed;
                    // the agent sees CoresetSelector.select as a call of library 'subset'
                    EnergyMeter.Metered<Coreset> selected = meter.measure("subset", () -> select(method, fraction, s, sc));
                    for (Trainer trainer : settings.trainers) {
                        done.accept(train(trainer, method, fraction, seed, selected.value(), selected.energy(),
                                method.equals("el2n") ? scoring : null));
                    }
                }
            }
        }
        return results;
    }

    Coreset select(String method, double fraction, long seed, double[] el2nScores) {
        SelectionMethod m = SelectionMethod.fromId(method);
        CoresetSelector selector = m == SelectionMethod.EL2N
                ? CoresetSelector.el2n(el2nScores).keep(ScoreBand.skipHardest(settings.el2nSkipHardest)).perClass(true)
                : CoresetSelector.of(m);
        selector = selector.fraction(fraction).seed(seed);
        float[][] x = data.train().features();
        return m.needsLabels() || m == SelectionMethod.EL2N ? selector.select(x, data.train().labels())
                : selector.select(x);
    }

    private RunResult train(Trainer trainer, String method, double fraction, long seed, Coreset coreset,
                            PhaseEnergy selection, PhaseEnergy scoring) throws Exception {
        RunResult r = new RunResult();
        r.data = data.train().name();
        r.library = trainer.library();
        r.model = trainer.model();
        r.method = method;
        r.fraction = fraction;
        r.seed = seed;
        r.rowsAvailable = data.train().size();
        CoresetTraining input = coreset == null ? null : CoresetTraining.of(data.train(), coreset, trainer, seed);
        r.rowsUsed = coreset == null ? data.train().size() : coreset.size();
        r.rowsTrained = input == null ? data.train().size() : input.rows().size();
        EnergyMeter.Metered<Classifier> trained = meter.measure(trainer.library(), () -> input == null
                ? trainer.train(data.train(), null, seed)
                : trainer.train(input.rows(), input.weights(), seed));
        r.accuracy = trained.value().accuracy(data.test());
        PhaseEnergy t = trained.energy();
        r.trainingSeconds = t.measured() ? sumDurations(t) : t.seconds();
        r.trainingJoules = t.joules();
        r.trainingGrams = t.grams();
        for (Map.Entry<String, PhaseEnergy.Component> e : t.components().entrySet()) {
            r.trainingComponentJoules.put(e.getKey(), e.getValue().joules());
            r.trainingComponentSource.put(e.getKey(), e.getValue().source());
        }
        r.zone = t.zone();
        r.gramsPerKwh = t.gramsPerKwh();
        r.intensitySource = t.intensitySource();
        r.pue = t.pue();
        if (coreset == null) {
            r.selectionSeconds = 0;
            r.selectionJoules = 0;
            r.selectionGrams = 0;
        } else {
            r.selectionSeconds = selection.seconds() + (scoring == null ? 0 : scoring.seconds());
            r.selectionJoules = add(selection.joules(), scoring == null ? 0 : scoring.joules());
            r.selectionGrams = add(selection.grams(), scoring == null ? 0 : scoring.grams());
            Map<String, Integer> calls = new HashMap<>();
            for (PhaseEnergy p : scoring == null ? List.of(selection) : List.of(scoring, selection)) {
                for (AgentRecord rec : p.records()) {
                    calls.merge(rec.library(), 1, Integer::sum);
                }
            }
            StringBuilder sb = new StringBuilder();
            calls.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(sb.length() == 0 ? "" : "+").append(e.getKey()).append(':')
                            .append(e.getValue()));
            r.selectionCalls = sb.toString();
            if (r.zone.isEmpty()) {
                r.zone = selection.zone();
            }
        }
        return r;
    }

    private static double sumDurations(PhaseEnergy p) {
        double s = 0;
        for (AgentRecord r : p.records()) {
            s += r.durationSeconds();
        }
        return Double.isNaN(s) ? p.seconds() : s;
    }

    private static double add(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return a + b;
    }
}
