package io.greentrain.exporter.outputs;

import io.greentrain.exporter.attribution.GroupEnd;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.RunFacts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sums the runs of each open group as their records pass, for the one line a group gets when it ends, e.g.
 * {@code greentrain: group 3f2a9c1b-g1 tribuo CrossValidation: 3 runs, 15 calls, 8.2 s: 1.21 kJ; 0.041 g CO2e}.
 * Thread-safe: records may be published on the training thread under back-pressure.
 */
final class GroupTotals {

    private static final class Sum {
        int runs;
        long calls;
        double seconds;
        double joules;
        double grams;
        boolean allGrams = true;
    }

    private final Map<String, Sum> open = new ConcurrentHashMap<>();

    void add(CallRecord run) {
        RunFacts facts = run.run();
        if (facts.groupId().isEmpty() || !facts.isRun()) {
            return;
        }
        Sum sum = open.computeIfAbsent(facts.groupId(), id -> new Sum());
        synchronized (sum) {
            sum.runs++;
            sum.calls += facts.calls();
            sum.seconds += run.durationSeconds();
            sum.joules += run.totalJoules();
            if (run.carbon() == null) {
                sum.allGrams = false;
            } else {
                sum.grams += run.carbon().grams();
            }
        }
    }

    /** The group's line (its totals are forgotten), without the {@code greentrain: } prefix. */
    String end(GroupEnd group) {
        Sum sum = open.remove(group.groupId());
        if (sum == null) {
            sum = new Sum();
        }
        synchronized (sum) {
            StringBuilder line = new StringBuilder("group ").append(group.groupId()).append(' ').append(group.groupName())
                    .append(": ").append(sum.runs).append(sum.runs == 1 ? " run, " : " runs, ").append(sum.calls)
                    .append(sum.calls == 1 ? " call, " : " calls, ").append(HumanUnits.seconds(sum.seconds)).append(": ")
                    .append(HumanUnits.joules(sum.joules));
            if (sum.allGrams && sum.runs > 0) {
                line.append("; ").append(HumanUnits.grams(sum.grams)).append(" CO2e");
            }
            return line.toString();
        }
    }
}
