package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;

/**
 * The energy and CO2e of one phase of a run (selection or training), summed over the agent records of the calls
 * made in that phase. Only outermost records count: a record that ran inside another one on the same thread (for
 * example a library call inside a measured block) is not added twice.
 */
public final class PhaseEnergy {

    /** Joules of one component and the sources that produced them (usually one). */
    public static final class Component {
        private double joules;
        private final Set<String> sources = new LinkedHashSet<>();

        public double joules() {
            return joules;
        }

        public String source() {
            return String.join("+", sources);
        }
    }

    private final double seconds;
    private final List<CallRecord> records;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private double joules;
    private double grams;
    private String zone = "";
    private String intensitySource = "";
    private double gramsPerKwh = Double.NaN;
    private double pue = Double.NaN;

    public PhaseEnergy(double seconds, List<CallRecord> records) {
        this.seconds = seconds;
        this.records = Collections.unmodifiableList(outermost(records));
        boolean anyGrams = false;
        for (CallRecord r : this.records) {
            for (ComponentEnergy e : r.energy()) {
                Component c = components.computeIfAbsent(e.component(), k -> new Component());
                c.joules += e.joules();
                if (!e.source().isEmpty()) {
                    c.sources.add(e.source());
                }
                joules += e.joules();
            }
            CarbonFigures carbon = r.carbon();
            if (carbon != null && !Double.isNaN(carbon.grams())) {
                grams += carbon.grams();
                anyGrams = true;
            }
            if (carbon != null && carbon.zone() != null && !carbon.zone().isEmpty()) {
                zone = carbon.zone();
                intensitySource = carbon.intensitySource();
                gramsPerKwh = carbon.gramsPerKwh();
                pue = carbon.pue();
            }
        }
        if (!anyGrams) {
            grams = Double.NaN;
        }
        if (this.records.isEmpty()) {
            joules = Double.NaN;
        }
    }

    /** A phase that made no training call (nothing to charge): zero joules, zero grams, measured. */
    public static PhaseEnergy none() {
        PhaseEnergy p = new PhaseEnergy(0, List.of());
        p.joules = 0;
        p.grams = 0;
        return p;
    }

    static List<CallRecord> outermost(List<CallRecord> records) {
        List<CallRecord> out = new ArrayList<>();
        for (CallRecord r : records) {
            boolean nested = false;
            for (CallRecord other : records) {
                if (nestedIn(r, other) && !(nestedIn(other, r) && records.indexOf(other) > records.indexOf(r))) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                out.add(r);
            }
        }
        return out;
    }

    /** True if {@code inner} ran inside {@code outer} on the same thread. */
    static boolean nestedIn(CallRecord inner, CallRecord outer) {
        return outer != inner && inner.thread().equals(outer.thread())
                && outer.startEpochMillis() <= inner.startEpochMillis()
                && inner.endEpochMillis() <= outer.endEpochMillis();
    }

    public double seconds() {
        return seconds;
    }

    public List<CallRecord> records() {
        return records;
    }

    /** True if at least one agent record was charged to this phase. */
    public boolean measured() {
        return !records.isEmpty();
    }

    /** Total joules, NaN if nothing was measured. */
    public double joules() {
        return joules;
    }

    /** Grams CO2e, NaN if the records carry no carbon figures. */
    public double grams() {
        return grams;
    }

    public Map<String, Component> components() {
        return Collections.unmodifiableMap(components);
    }

    public String zone() {
        return zone;
    }

    public String intensitySource() {
        return intensitySource;
    }

    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    public double pue() {
        return pue;
    }

    /** The libraries of the charged records, e.g. {@code subset+tribuo}. */
    public String libraries() {
        Set<String> libs = new LinkedHashSet<>();
        for (CallRecord r : records) {
            libs.add(r.library());
        }
        return String.join("+", libs);
    }
}
