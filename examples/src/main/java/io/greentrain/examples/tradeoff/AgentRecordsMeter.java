package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import io.greentrain.exporter.records.CallRecord;

/**
 * Charges each phase the agent records whose call started and ended inside the phase's time window, read from
 * the records file the agent appends to. The agent may write a record a little after the call returns (it reads
 * energy counters on a sampler thread), so the meter waits for the expected library's record for a while; a
 * library whose records never come (the agent does not instrument it) is waited for only briefly after that.
 */
public final class AgentRecordsMeter implements EnergyMeter {

    /** Clock slack between the study's and the agent's timestamps (both System.currentTimeMillis). */
    static final long SLACK_MILLIS = 2;

    private final RecordsFile file;
    private final long pid;
    private final long waitMillis;
    private final LongSupplier clock;
    private final List<CallRecord> pending = new ArrayList<>();
    private final Map<String, Integer> misses = new HashMap<>();
    private final Map<String, Integer> hits = new HashMap<>();
    private int late;

    public AgentRecordsMeter(RecordsFile file, long pid, long waitMillis) {
        this(file, pid, waitMillis, System::currentTimeMillis);
    }

    AgentRecordsMeter(RecordsFile file, long pid, long waitMillis, LongSupplier clock) {
        this.file = file;
        this.pid = pid;
        this.waitMillis = waitMillis;
        this.clock = clock;
    }

    @Override
    public <T> Metered<T> measure(String expectedLibrary, Callable<T> work) throws Exception {
        collect();
        long t0 = clock.getAsLong();
        long n0 = System.nanoTime();
        T value = work.call();
        double seconds = (System.nanoTime() - n0) / 1e9;
        long t1 = clock.getAsLong();
        long wait = waitMillis;
        if (expectedLibrary != null && hits.getOrDefault(expectedLibrary, 0) == 0
                && misses.getOrDefault(expectedLibrary, 0) >= 2) {
            wait = Math.min(wait, 200); // the agent does not seem to record this library
        }
        long deadline = System.currentTimeMillis() + wait;
        List<CallRecord> mine;
        while (true) {
            collect();
            mine = take(t0, t1);
            boolean expectedSeen = expectedLibrary == null;
            for (CallRecord r : mine) {
                if (r.library().equalsIgnoreCase(expectedLibrary)) {
                    expectedSeen = true;
                }
            }
            if (expectedSeen || System.currentTimeMillis() >= deadline) {
                if (expectedLibrary != null) {
                    (expectedSeen ? hits : misses).merge(expectedLibrary, 1, Integer::sum);
                }
                break;
            }
            pending.addAll(0, mine);
            Thread.sleep(20);
        }
        return new Metered<>(value, new PhaseEnergy(seconds, mine));
    }

    private void collect() {
        for (CallRecord r : file.readNew()) {
            if (pid <= 0 || r.pid() <= 0 || r.pid() == pid) {
                pending.add(r);
            }
        }
    }

    /** Removes and returns the pending records inside [t0, t1]; drops those that ended before t0. */
    private List<CallRecord> take(long t0, long t1) {
        List<CallRecord> out = new ArrayList<>();
        for (Iterator<CallRecord> it = pending.iterator(); it.hasNext(); ) {
            CallRecord r = it.next();
            if (r.startEpochMillis() >= t0 - SLACK_MILLIS && r.endEpochMillis() <= t1 + SLACK_MILLIS) {
                out.add(r);
                it.remove();
            } else if (r.endEpochMillis() < t0 - SLACK_MILLIS) {
                late++;
                it.remove();
            }
        }
        return out;
    }

    @Override
    public String problems() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : misses.entrySet()) {
            sb.append("no agent record arrived for ").append(e.getValue()).append(" phase(s) expecting library '")
                    .append(e.getKey()).append("'");
            if (hits.getOrDefault(e.getKey(), 0) == 0) {
                sb.append(" (the agent never recorded it)");
            }
            sb.append("; ");
        }
        if (late > 0) {
            sb.append(late).append(" record(s) fell outside every phase window; ");
        }
        if (file.unreadable() > 0) {
            sb.append(file.unreadable()).append(" unreadable line(s) in ").append(file.path()).append(", first: ")
                    .append(file.firstProblem()).append("; ");
        }
        return sb.toString();
    }
}
