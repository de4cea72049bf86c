package io.greentrain.exporter.records.report;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@code report} command says about a records file: totals, totals per library and model, the top
 * emitting runs, the groups (cross-validations, searches), energy spent on repeated runs, and how much of the energy
 * was measured rather than estimated.
 *
 * <p>The unit is the run: run records ({@code kind=run}); call records written beside them with
 * {@code records.detail=calls} are not counted again; a schema-1 file (one record per call, before runs existed) counts
 * each call as a run of its own. Grams are summed over runs that have carbon figures (older or failed annotations are
 * counted in {@link #callsWithoutCarbon()}). Runs rank by grams, then joules. Two runs are repeated runs when library,
 * model, entry point, data fingerprint and config fingerprint are equal and at least one fingerprint is known; the
 * energy of such repeats is everything except the earliest run. Energy whose source starts with {@code estimate} is
 * estimated; every other source (rapl, nvml, ...) is measured.
 */
public final class RecordsSummary {

    /** Sum over a set of runs. */
    public static final class Totals {
        private final String library;
        private final String model;
        private int runs;
        private long calls;
        private double seconds;
        private double joules;
        private double grams;

        Totals(String library, String model) {
            this.library = library;
            this.model = model;
        }

        void add(CallRecord r) {
            runs++;
            calls += r.run().calls();
            seconds += r.durationSeconds();
            joules += r.totalJoules();
            grams += r.carbon() == null ? 0 : r.carbon().grams();
        }

        public String library() {
            return library;
        }

        public String model() {
            return model;
        }

        /** Runs summed. */
        public int runs() {
            return runs;
        }

        /** Training calls of those runs. */
        public long calls() {
            return calls;
        }

        public double seconds() {
            return seconds;
        }

        public double joules() {
            return joules;
        }

        public double grams() {
            return grams;
        }
    }

    /** The runs of one group (a cross-validation, a search). */
    public static final class Group {
        private final String groupId;
        private final String name;
        private final Totals totals = new Totals("", "");

        Group(String groupId, String name) {
            this.groupId = groupId;
            this.name = name;
        }

        public String groupId() {
            return groupId;
        }

        public String name() {
            return name;
        }

        public Totals totals() {
            return totals;
        }
    }

    /** Identical runs (same fingerprints) made more than once. */
    public static final class Reruns {
        private final String library;
        private final String model;
        private final String fingerprint;
        private final int calls;
        private final double rerunJoules;
        private final double rerunGrams;

        Reruns(String library, String model, String fingerprint, int calls, double rerunJoules, double rerunGrams) {
            this.library = library;
            this.model = model;
            this.fingerprint = fingerprint;
            this.calls = calls;
            this.rerunJoules = rerunJoules;
            this.rerunGrams = rerunGrams;
        }

        public String library() {
            return library;
        }

        public String model() {
            return model;
        }

        /** {@code data / config} fingerprints as recorded. */
        public String fingerprint() {
            return fingerprint;
        }

        /** Runs with these fingerprints. */
        public int runs() {
            return calls;
        }

        /** Joules of every run with these fingerprints but the earliest. */
        public double rerunJoules() {
            return rerunJoules;
        }

        public double rerunGrams() {
            return rerunGrams;
        }
    }

    private final Totals total = new Totals("", "");
    private final List<Totals> byModel;
    private final List<CallRecord> ranked;
    private final List<Reruns> reruns;
    private final List<Group> groups;
    private final double measuredJoules;
    private final double estimatedJoules;
    private final double estimatedLowJoules;
    private final double estimatedHighJoules;
    private final int callsWithoutCarbon;
    private final Set<String> zones = new LinkedHashSet<>();
    private final Set<String> intensitySources = new LinkedHashSet<>();
    private final List<CallRecord> runs;

    /** @param all every record of a file, runs and calls (only the runs are summed, see the class comment) */
    public RecordsSummary(List<CallRecord> all) {
        Objects.requireNonNull(all, "records");
        List<CallRecord> records = runsOf(all);
        List<CallRecord> chronological = new ArrayList<>(records);
        chronological.sort(Comparator.comparingLong(CallRecord::startEpochMillis));
        this.runs = Collections.unmodifiableList(chronological);
        Map<String, Totals> models = new LinkedHashMap<>();
        Map<String, List<CallRecord>> groups = new LinkedHashMap<>();
        Map<String, Group> runGroups = new LinkedHashMap<>();
        double measured = 0;
        double estimated = 0;
        double estimatedLow = 0;
        double estimatedHigh = 0;
        int withoutCarbon = 0;
        for (CallRecord r : records) {
            total.add(r);
            if (!r.run().groupId().isEmpty()) {
                runGroups.computeIfAbsent(r.run().groupId(), id -> new Group(id, r.run().groupName())).totals.add(r);
            }
            models.computeIfAbsent(r.library() + "\u0000" + r.model(), k -> new Totals(r.library(), r.model())).add(r);
            for (ComponentEnergy e : r.energy()) {
                if (e.source().startsWith("estimate")) {
                    estimated += e.joules();
                    estimatedLow += e.low();
                    estimatedHigh += e.high();
                } else {
                    measured += e.joules();
                }
            }
            if (r.carbon() == null) {
                withoutCarbon++;
            } else {
                zones.add(r.carbon().zone());
                intensitySources.add(r.carbon().intensitySource());
            }
            if (!r.dataFingerprint().isEmpty() || !r.configFingerprint().isEmpty()) {
                groups.computeIfAbsent(String.join("\u0000", r.library(), r.model(), r.entryPoint(), r.dataFingerprint(),
                        r.configFingerprint()), k -> new ArrayList<>()).add(r);
            }
        }
        this.measuredJoules = measured;
        this.estimatedJoules = estimated;
        this.estimatedLowJoules = estimatedLow;
        this.estimatedHighJoules = estimatedHigh;
        this.callsWithoutCarbon = withoutCarbon;

        Comparator<Totals> byImpact = Comparator.comparingDouble(Totals::grams).thenComparingDouble(Totals::joules).reversed();
        List<Totals> modelList = new ArrayList<>(models.values());
        modelList.sort(byImpact);
        this.byModel = Collections.unmodifiableList(modelList);

        List<CallRecord> calls = new ArrayList<>(records);
        calls.sort(Comparator.comparingDouble(RecordsSummary::grams).thenComparingDouble(CallRecord::totalJoules).reversed());
        this.ranked = Collections.unmodifiableList(calls);

        List<Reruns> rerunList = new ArrayList<>();
        for (List<CallRecord> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            CallRecord earliest = Collections.min(group, Comparator.comparingLong(CallRecord::startEpochMillis));
            double joules = 0;
            double grams = 0;
            for (CallRecord r : group) {
                if (r != earliest) {
                    joules += r.totalJoules();
                    grams += grams(r);
                }
            }
            rerunList.add(new Reruns(earliest.library(), earliest.model(),
                    fingerprint(earliest.dataFingerprint()) + " / " + fingerprint(earliest.configFingerprint()),
                    group.size(), joules, grams));
        }
        rerunList.sort(Comparator.comparingDouble(Reruns::rerunJoules).reversed());
        this.reruns = Collections.unmodifiableList(rerunList);
        this.groups = Collections.unmodifiableList(new ArrayList<>(runGroups.values()));
    }

    /** Run records, and schema-1 call records (no run id) as runs of one call; call records of a run are left out. */
    static List<CallRecord> runsOf(List<CallRecord> records) {
        List<CallRecord> runs = new ArrayList<>();
        for (CallRecord r : records) {
            if (r == null) {
                throw new IllegalArgumentException("records must not contain null");
            }
            if (r.run().isRun() || r.runId().isEmpty()) {
                runs.add(r);
            }
        }
        return runs;
    }

    /** The runs counted (see the class comment), in order of their start. */
    public List<CallRecord> runs() {
        return runs;
    }

    /** Groups in order of their first run. */
    public List<Group> groups() {
        return groups;
    }

    private static String fingerprint(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static double grams(CallRecord r) {
        return r.carbon() == null ? 0 : r.carbon().grams();
    }

    public Totals total() {
        return total;
    }

    /** Per library and model, highest grams (then joules) first. */
    public List<Totals> byModel() {
        return byModel;
    }

    /** The {@code n} runs with the most grams (then joules). */
    public List<CallRecord> topEmitters(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of top emitters must be >= 0: " + n);
        }
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    /** Identical runs made more than once, most repeated energy first. */
    public List<Reruns> reruns() {
        return reruns;
    }

    public double rerunJoules() {
        double sum = 0;
        for (Reruns r : reruns) {
            sum += r.rerunJoules();
        }
        return sum;
    }

    public double measuredJoules() {
        return measuredJoules;
    }

    public double estimatedJoules() {
        return estimatedJoules;
    }

    /** The low end of the estimated joules' band ({@code EstimateBand}). */
    public double estimatedLowJoules() {
        return estimatedLowJoules;
    }

    /** The high end of the estimated joules' band. */
    public double estimatedHighJoules() {
        return estimatedHighJoules;
    }

    /** Share of all joules that was measured (0..1); 0 when no energy is recorded. */
    public double measuredShare() {
        double all = measuredJoules + estimatedJoules;
        return all == 0 ? 0 : measuredJoules / all;
    }

    public int callsWithoutCarbon() {
        return callsWithoutCarbon;
    }

    /** Zones that appear in the records' carbon figures, in order of first appearance. */
    public Set<String> zones() {
        return Collections.unmodifiableSet(zones);
    }

    public Set<String> intensitySources() {
        return Collections.unmodifiableSet(intensitySources);
    }
}
