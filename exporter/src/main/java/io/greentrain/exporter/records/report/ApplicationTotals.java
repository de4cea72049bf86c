package io.greentrain.exporter.records.report;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.SparkApp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of records from many JVMs summed per Spark application and per executor: what an SRE of a shared cluster
 * asks first. An application's totals are the sums of its runs (every run counted once, on the JVM that made it);
 * runs of JVMs outside Spark form no application and appear in neither list.
 */
public final class ApplicationTotals {

    /** One application, or one executor of one application. */
    public static final class Row {
        private final String appId;
        private final String appName;
        private final String executorId;
        private final Set<String> executors = new LinkedHashSet<>();
        private final Set<String> hosts = new LinkedHashSet<>();
        private final RecordsSummary.Totals totals = new RecordsSummary.Totals("", "");

        Row(String appId, String appName, String executorId) {
            this.appId = appId;
            this.appName = appName;
            this.executorId = executorId;
        }

        void add(CallRecord run) {
            totals.add(run);
            executors.add(run.sparkApp().executorId());
            hosts.add(run.host());
        }

        public String appId() {
            return appId;
        }

        public String appName() {
            return appName;
        }

        /** Empty on an application's row. */
        public String executorId() {
            return executorId;
        }

        /** On an application's row: its executors (the driver included) that made at least one run; 1 on an executor's. */
        public int executorCount() {
            return executors.size();
        }

        public Set<String> hosts() {
            return Collections.unmodifiableSet(hosts);
        }

        public RecordsSummary.Totals totals() {
            return totals;
        }
    }

    private final List<Row> applications;
    private final List<Row> executors;

    /** @param runs run records (see {@link RecordsSummary#runs()}) */
    public ApplicationTotals(List<CallRecord> runs) {
        Map<String, Row> apps = new LinkedHashMap<>();
        Map<String, Row> execs = new LinkedHashMap<>();
        for (CallRecord run : runs) {
            SparkApp app = run.sparkApp();
            if (!app.isSpark()) {
                continue;
            }
            // a driver that trained before its SparkContext started knows only its name: keyed by that
            String appKey = app.appId().isEmpty() ? "name:" + app.appName() : app.appId();
            apps.computeIfAbsent(appKey, k -> new Row(app.appId(), app.appName(), "")).add(run);
            execs.computeIfAbsent(appKey + "\u0000" + app.executorId(), k -> new Row(app.appId(), app.appName(), app.executorId()))
                    .add(run);
        }
        this.applications = List.copyOf(apps.values());
        this.executors = List.copyOf(execs.values());
    }

    public List<Row> applications() {
        return applications;
    }

    public List<Row> executors() {
        return executors;
    }

    /** Whether any run came from a Spark JVM. */
    public boolean any() {
        return !applications.isEmpty();
    }

    static List<Row> sortedByEnergy(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Double.compare(b.totals().joules(), a.totals().joules()));
        return sorted;
    }
}
