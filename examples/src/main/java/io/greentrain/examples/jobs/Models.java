package io.greentrain.examples.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models the jobs and the study train, with their settings in one place. */
public final class Models {

    /** Training effort: the quick setting keeps the study under 10 minutes on 2 cores. */
    public enum Effort { QUICK, FULL }

    private Models() {
    }

    public static List<Trainer> forLibrary(String library, Effort effort) {
        boolean full = effort == Effort.FULL;
        List<Trainer> out = new ArrayList<>();
        switch (library.toLowerCase(Locale.ROOT)) {
            case "dl4j":
                out.add(new Dl4jMlp(full ? 256 : 128, full ? 10 : 5, 64));
                break;
            case "smile":
                out.add(new SmileLogisticRegression(0.1, full ? 500 : 200));
                out.add(new SmileRandomForest(full ? 100 : 40, 20));
                break;
            case "tribuo":
                out.add(new TribuoLogisticRegression(full ? 10 : 5));
                out.add(new TribuoRandomForest(full ? 20 : 10, 14));
                break;
            default:
                throw new IllegalArgumentException("unknown library '" + library + "' (known: dl4j, smile, tribuo)");
        }
        return out;
    }

    public static List<Trainer> all(Effort effort) {
        List<Trainer> out = new ArrayList<>();
        for (String lib : List.of("dl4j", "smile", "tribuo")) {
            out.addAll(forLibrary(lib, effort));
        }
        return out;
    }
}
