package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final List<AgentRecord> records;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private double joules;
    private double grams;
    private String zone = "";
    private String intensitySource = "";
    private double gramsPerKwh = Double.NaN;
    private double pue = Double.NaN;

    public PhaseEnergy(double seconds, List<AgentRecord> records) {
        this.seconds = seconds;
        this.records = Collections.unmodifiableList(outermost(records));
        boolean anyGrams = false;
        for (AgentRecord r : this.records) {
            for (AgentRecord.Energy e : r.energy()) {
                Component c = components.computeIfAbsent(e.component(), k -> new Component());
                c.joules += e.joules();
                if (!e.source().isEmpty()) {
                    c.sources.add(e.source());
                }
                joules += e.joules();
            }
            if (!Double.isNaN(r.grams())) {
                grams += r.grams();
                anyGrams = true;
            }
            if (!r.zone().isEmpty()) {
                zone = r.zone();
                intensitySource = r.intensitySource();
                gramsPerKwh = r.gramsPerKwh();
                pue = r.pue();
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

    static List<AgentRecord> outermost(List<AgentRecord> records) {
        List<AgentRecord> out = new ArrayList<>();
        for (AgentRecord r : records) {
            boolean nested = false;
            for (AgentRecord other : records) {
                if (r.nestedIn(other) && !(other.nestedIn(r) && records.indexOf(other) > records.indexOf(r))) {
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

    public double seconds() {
        return seconds;
    }

    public List<AgentRecord> records() {
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
        for (AgentRecord r : records) {
            libs.add(r.library());
        }
        return String.join("+", libs);
    }
}
