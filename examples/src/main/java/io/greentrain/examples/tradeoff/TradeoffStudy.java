package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.greentrain.api.GreenTrain;
import io.greentrain.examples.data.LabelledData;
import io.greentrain.examples.data.TrainTest;
import io.greentrain.examples.jobs.Classifier;
import io.greentrain.examples.jobs.Trainer;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.ProgressiveTraining;
import io.greentrain.subset.SelectionMethod;

/**
 * Runs the grid. First a warm-up pass (every model trained once on a small subset, every method selected once),
 * whose results are discarded, so that JIT compilation and first-touch costs do not land on the first measured
 * runs. Then, seed by seed, the units of that seed's block in a seeded random order: the full-data run of every
 * model; per method and fraction, one selection (charged to every model trained on it, since each would have paid for it alone)
 * and one training per model; per model, one progressive run. The proxy scores of the score-based methods
 * are computed once per seed and charged to each of their runs. Energy and CO2e come from the {@link EnergyMeter}.
 */
public final class TradeoffStudy {

    /** What the study reports as it goes. */
    public interface Listener {
        void started(int totalRuns);

        void runFinished(RunResult result);

        default void message(String text) {
        }

        /** After each seed's block of runs: everything so far (the command writes runs.csv, so a cut run keeps it). */
        default void seedFinished(List<RunResult> soFar) throws java.io.IOException {
        }
    }

    /** One unit of the shuffled grid. */
    private interface Unit {
        void run() throws Exception;
    }

    private final TrainTest data;
    private final StudySettings settings;
    private final EnergyMeter meter;
    private final Map<Long, Metered> proxyScores = new HashMap<>();
    private int order;

    private static final class Metered {
        final ProxyScores scores;
        final PhaseEnergy energy;

        Metered(ProxyScores scores, PhaseEnergy energy) {
            this.scores = scores;
            this.energy = energy;
        }
    }

    public TradeoffStudy(TrainTest data, StudySettings settings, EnergyMeter meter) {
        this.data = data;
        this.settings = settings;
        this.meter = meter;
    }

    public List<RunResult> run(Listener listener) throws Exception {
        warmUp(listener);
        List<RunResult> results = new ArrayList<>();
        listener.started(settings.totalRuns());
        Random shuffle = new Random(settings.orderSeed);
        for (long seed : settings.seeds) {
            List<Unit> units = new ArrayList<>();
            for (Trainer trainer : settings.trainers) {
                units.add(() -> done(results, listener, train(trainer, RunResult.FULL, 1.0, seed, null, null, null)));
            }
            for (String method : settings.selectionMethods()) {
                for (double fraction : settings.subsetFractions()) {
                    units.add(() -> selectAndTrain(method, fraction, seed, results, listener));
                }
            }
            if (settings.includesProgressive()) {
                for (Trainer trainer : settings.trainers) {
                    units.add(() -> done(results, listener, progressive(trainer, seed)));
                }
            }
            // random order within the seed's block: no method or model always runs first, warm or late
            Collections.shuffle(units, shuffle);
            for (Unit unit : units) {
                unit.run();
            }
            proxyScores.remove(seed);
            listener.seedFinished(results);
        }
        return results;
    }

    private static void done(List<RunResult> results, Listener listener, RunResult r) {
        results.add(r);
        listener.runFinished(r);
    }

    /** Every model once on 5 % uniform, every method once at 5 %, the proxy once: measured, then thrown away. */
    private void warmUp(Listener listener) throws Exception {
        listener.message("warm-up pass (discarded)");
        long seed = -1;
        Metered scores = scoresFor(seed);
        for (String method : settings.selectionMethods()) {
            Coreset c = meter.measure("subset", () -> select(method, 0.05, seed, scores.scores)).value();
            for (Trainer trainer : settings.trainers) {
                CoresetTraining input = CoresetTraining.of(data.train(), c, trainer, seed);
                meter.measure(trainer.library(), () -> trainer.train(input.rows(), input.weights(), seed));
            }
        }
        proxyScores.remove(seed);
    }

    private void selectAndTrain(String method, double fraction, long seed, List<RunResult> results,
                                Listener listener) throws Exception {
        Metered scores = SelectionMethod.fromId(method).usesScores() ? scoresFor(seed) : null;
        // the agent sees CoresetSelector.select as a call of library 'subset'
        EnergyMeter.Metered<Coreset> selected = meter.measure("subset",
                () -> select(method, fraction, seed, scores == null ? null : scores.scores));
        List<Trainer> trainers = new ArrayList<>(settings.trainers);
        Collections.shuffle(trainers, new Random(settings.orderSeed ^ seed ^ Double.doubleToLongBits(fraction)));
        for (Trainer trainer : trainers) {
            done(results, listener, train(trainer, method, fraction, seed, selected.value(), selected.energy(),
                    scores == null ? null : scores.energy));
        }
    }

    /** The proxy scores of a seed, computed (and measured as one call of library 'custom') on first use. */
    private Metered scoresFor(long seed) throws Exception {
        Metered m = proxyScores.get(seed);
        if (m == null) {
            EnergyMeter.Metered<ProxyScores> measured = meter.measure("custom", () -> GreenTrain.measure(
                    "proxy-scores", () -> ProxyScores.compute(data.train(), settings.proxyFraction, seed)));
            m = new Metered(measured.value(), measured.energy());
            proxyScores.put(seed, m);
        }
        return m;
    }

    Coreset select(String method, double fraction, long seed, ProxyScores scores) {
        return selector(method, scores).fraction(fraction).seed(seed)
                .select(data.train().features(), data.train().labels());
    }

    private static CoresetSelector selector(String method, ProxyScores scores) {
        SelectionMethod m = SelectionMethod.fromId(method);
        switch (m) {
            case CCS:
                return CoresetSelector.ccs(scores.gradientNorms()).perClass(true);
            case MODERATE:
                return CoresetSelector.moderate(scores.centreDistances()).perClass(true);
            case GOSS:
                return CoresetSelector.goss(scores.gradientNorms()).perClass(true);
            case EL2N:
                return CoresetSelector.el2n(scores.gradientNorms()).perClass(true);
            default:
                return CoresetSelector.of(m);
        }
    }

    /**
     * "Just enough data" for one model: uniform coresets of a pool (the training rows less a validation split) on
     * the progressive schedule until the validation accuracy gains less than the threshold per step; every step's
     * selection and training is measured and summed; the last model is evaluated on the test split.
     */
    private RunResult progressive(Trainer trainer, long seed) throws Exception {
        LabelledData shuffled = data.train().shuffled(seed * 104729 + 3);
        int validationRows = Math.min(5000, shuffled.size() / 10);
        LabelledData validation = shuffled.head(validationRows);
        int[] poolRows = new int[shuffled.size() - validationRows];
        for (int i = 0; i < poolRows.length; i++) {
            poolRows[i] = validationRows + i;
        }
        LabelledData pool = shuffled.rows(poolRows);
        List<PhaseEnergy> selections = new ArrayList<>();
        List<PhaseEnergy> trainings = new ArrayList<>();
        int[] lastSize = new int[1];
        ProgressiveTraining schedule = ProgressiveTraining.schedule(settings.progressiveFractions)
                .minGain(settings.progressiveMinGain);
        ProgressiveTraining.Result<Classifier> result = schedule.run(CoresetSelector.uniform().seed(seed), s -> {
            try {
                EnergyMeter.Metered<Coreset> c = meter.measure("subset", () -> s.select(pool.features(),
                        pool.labels()));
                selections.add(c.energy());
                CoresetTraining input = CoresetTraining.of(pool, c.value(), trainer, seed);
                lastSize[0] = c.value().size();
                EnergyMeter.Metered<Classifier> t = meter.measure(trainer.library(),
                        () -> trainer.train(input.rows(), input.weights(), seed));
                trainings.add(t.energy());
                return t.value();
            } catch (Exception e) {
                throw new IllegalStateException("progressive step of " + trainer.id() + " failed: " + e, e);
            }
        }, model -> model.accuracy(validation));
        RunResult r = base(trainer, StudySettings.PROGRESSIVE, result.finalFraction(), seed);
        r.rowsAvailable = pool.size();
        r.rowsUsed = lastSize[0];
        r.rowsTrained = lastSize[0];
        r.accuracy = result.model().accuracy(data.test());
        StringBuilder steps = new StringBuilder();
        for (ProgressiveTraining.Step step : result.steps()) {
            steps.append(steps.length() == 0 ? "" : ";").append(step.fraction()).append(':')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", step.score()));
        }
        r.steps = steps.toString();
        PhaseEnergy lastTraining = trainings.get(trainings.size() - 1);
        r.trainingSeconds = 0;
        r.trainingJoules = 0;
        r.trainingGrams = 0;
        for (PhaseEnergy t : trainings) { // every step's training counts
            r.trainingSeconds += t.seconds();
            r.trainingJoules = add(r.trainingJoules, t.joules());
            r.trainingGrams = add(r.trainingGrams, t.grams());
        }
        copyComponents(r, lastTraining);
        r.selectionSeconds = 0;
        r.selectionJoules = 0;
        r.selectionGrams = 0;
        for (PhaseEnergy s : selections) {
            r.selectionSeconds += s.seconds();
            r.selectionJoules = add(r.selectionJoules, s.joules());
            r.selectionGrams = add(r.selectionGrams, s.grams());
        }
        r.selectionCalls = "subset:" + selections.size();
        return r;
    }

    private RunResult base(Trainer trainer, String method, double fraction, long seed) {
        RunResult r = new RunResult();
        r.data = data.train().name();
        r.library = trainer.library();
        r.model = trainer.model();
        r.method = method;
        r.fraction = fraction;
        r.seed = seed;
        r.order = ++order;
        return r;
    }

    private RunResult train(Trainer trainer, String method, double fraction, long seed, Coreset coreset,
                            PhaseEnergy selection, PhaseEnergy scoring) throws Exception {
        RunResult r = base(trainer, method, fraction, seed);
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
        copyComponents(r, t);
        if (coreset == null) {
            r.selectionSeconds = 0;
            r.selectionJoules = 0;
            r.selectionGrams = 0;
            return r;
        }
        r.scoringJoules = scoring == null ? 0 : scoring.joules();
        r.selectionSeconds = selection.seconds() + (scoring == null ? 0 : scoring.seconds());
        r.selectionJoules = add(selection.joules(), scoring == null ? 0 : scoring.joules());
        r.selectionGrams = add(selection.grams(), scoring == null ? 0 : scoring.grams());
        Map<String, Integer> calls = new HashMap<>();
        for (PhaseEnergy p : scoring == null ? List.of(selection) : List.of(scoring, selection)) {
            for (CallRecord rec : p.records()) {
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
        return r;
    }

    private static void copyComponents(RunResult r, PhaseEnergy t) {
        for (Map.Entry<String, PhaseEnergy.Component> e : t.components().entrySet()) {
            r.trainingComponentJoules.put(e.getKey(), e.getValue().joules());
            r.trainingComponentSource.put(e.getKey(), e.getValue().source());
        }
        r.zone = t.zone();
        r.gramsPerKwh = t.gramsPerKwh();
        r.intensitySource = t.intensitySource();
        r.pue = t.pue();
    }

    private static double sumDurations(PhaseEnergy p) {
        double s = 0;
        for (CallRecord r : p.records()) {
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
