package io.greentrain.exporter.records;

import static io.greentrain.exporter.records.RecordFields.*;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with commons-csv: one row per record, one fixed column pair per component ({@code cpu_joules},
 * {@code cpu_source}, likewise dram and gpu); any further component entries go to {@code other_energy} as
 * {@code component:source=joules;...}. Values with line breaks are replaced by spaces so a record is
 * always one physical line.
 */
final class CsvRecordCodec implements RecordCodec {

    static final List<String> COMPONENTS = List.of("cpu", "dram", "gpu");
    static final String OTHER_ENERGY = "other_energy";
    static final List<String> COLUMNS;
    /** Schema 1's columns: before runs, one row per call, {@code run_id} naming the JVM. */
    static final List<String> SCHEMA1_COLUMNS;
    /** Schema 2 as first written, before the Spark and estimate-band columns were appended. */
    static final List<String> SCHEMA2_FIRST_COLUMNS;
    /** Schema 2 with the Spark and estimate-band columns, before {@code parent_run_id}. */
    static final List<String> SCHEMA2_SPARK_COLUMNS;
    /** Schema 2 with {@code parent_run_id}, before {@code container_id}. */
    static final List<String> SCHEMA2_NESTING_COLUMNS;
    /**
     * Appended to schema 2, in the order they came: a file with a shorter header still reads, and spreadsheets see the
     * new columns last.
     */
    static final List<String> APPENDED_SPARK = List.of(SPARK_APP_ID, SPARK_APP_NAME, SPARK_EXECUTOR_ID, TOTAL_JOULES_LOW,
            TOTAL_JOULES_HIGH);
    static final List<String> APPENDED_NESTING = List.of(PARENT_RUN_ID);
    static final List<String> APPENDED_CONTAINER = List.of(CONTAINER_ID);
    /** Every older schema-2 layout, for rows whose width differs from their file's header. */
    private static final List<List<String>> SCHEMA2_VARIANTS;

    static {
        List<String> columns = new ArrayList<>(Arrays.asList(SCHEMA, KIND, RUN_ID, RUN_NAME, JVM_ID, PID, HOST, THREAD, LIBRARY,
                MODEL, ENTRY_POINT, OUTCOME, ERROR_TYPE, START, END, DURATION, EPOCHS, EPOCHS_PLANNED, CALLS, ROWS, GROUP_ID,
                GROUP_NAME));
        for (String component : COMPONENTS) {
            columns.add(component + "_" + JOULES);
            columns.add(component + "_" + SOURCE);
        }
        columns.addAll(Arrays.asList(OTHER_ENERGY, TOTAL_JOULES, DATA_FINGERPRINT, CONFIG_FINGERPRINT,
                ZONE, GRAMS_PER_KWH, INTENSITY_SOURCE, PUE, GRAMS));
        SCHEMA2_FIRST_COLUMNS = List.copyOf(columns);
        List<String> schema1 = new ArrayList<>(columns);
        schema1.removeAll(Arrays.asList(KIND, RUN_NAME, JVM_ID, CALLS, ROWS, GROUP_ID, GROUP_NAME));
        SCHEMA1_COLUMNS = Collections.unmodifiableList(schema1);
        columns.addAll(APPENDED_SPARK);
        SCHEMA2_SPARK_COLUMNS = List.copyOf(columns);
        columns.addAll(APPENDED_NESTING);
        SCHEMA2_NESTING_COLUMNS = List.copyOf(columns);
        columns.addAll(APPENDED_CONTAINER);
        COLUMNS = Collections.unmodifiableList(columns);
        SCHEMA2_VARIANTS = List.of(COLUMNS, SCHEMA2_NESTING_COLUMNS, SCHEMA2_SPARK_COLUMNS, SCHEMA2_FIRST_COLUMNS);
    }

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private final List<String> readColumns;
    private final CSVFormat read;

    /** Writes and reads the current schema. */
    CsvRecordCodec() {
        this(COLUMNS);
    }

    private CsvRecordCodec(List<String> readColumns) {
        this.readColumns = readColumns;
        this.read = CSVFormat.DEFAULT.builder().setHeader(readColumns.toArray(new String[0])).get();
    }

    /** A codec that reads rows under {@code headerLine} (this schema's or schema 1's), or null when it is neither. */
    static CsvRecordCodec forHeader(String headerLine) {
        String line = headerLine.trim();
        if (line.equals(print(new ArrayList<>(COLUMNS)).trim())) {
            return new CsvRecordCodec();
        }
        for (List<String> variant : SCHEMA2_VARIANTS) {
            if (line.equals(print(new ArrayList<>(variant)).trim())) {
                return new CsvRecordCodec(variant);
            }
        }
        if (line.equals(print(new ArrayList<>(SCHEMA1_COLUMNS)).trim())) {
            return new CsvRecordCodec(SCHEMA1_COLUMNS);
        }
        return null;
    }

    @Override
    public String header() {
        return print(new ArrayList<>(COLUMNS)).trim();
    }

    @Override
    public String line(CallRecord r) {
        Map<String, ComponentEnergy> first = new LinkedHashMap<>();
        StringBuilder other = new StringBuilder();
        for (ComponentEnergy e : r.energy()) {
            if (COMPONENTS.contains(e.component()) && !first.containsKey(e.component())) {
                first.put(e.component(), e);
            } else {
                other.append(other.length() == 0 ? "" : ";").append(e.component()).append(':').append(e.source())
                        .append('=').append(e.joules());
            }
        }
        RunFacts run = r.run();
        List<Object> row = new ArrayList<>(Arrays.asList(SCHEMA_VERSION, run.kind(), run.runId(), run.runName(), r.jvmId(),
                r.pid(), r.host(), r.thread(), r.library(), r.model(), r.entryPoint(), r.outcome(), r.errorType(),
                Instant.ofEpochMilli(r.startEpochMillis()), Instant.ofEpochMilli(r.endEpochMillis()), r.durationSeconds(),
                r.epochs(), r.epochsPlanned(), run.calls(), run.rows(), run.groupId(), run.groupName()));
        for (String component : COMPONENTS) {
            ComponentEnergy e = first.get(component);
            row.add(e == null ? "" : e.joules());
            row.add(e == null ? "" : e.source());
        }
        CarbonFigures c = r.carbon();
        row.addAll(Arrays.asList(other.toString(), r.totalJoules(), r.dataFingerprint(), r.configFingerprint(),
                c == null ? "" : c.zone(), c == null ? "" : c.gramsPerKwh(), c == null ? "" : c.intensitySource(),
                c == null ? "" : c.pue(), c == null ? "" : c.grams()));
        SparkApp spark = r.sparkApp();
        row.addAll(Arrays.asList(spark.appId(), spark.appName(), spark.executorId(), r.totalLowJoules(), r.totalHighJoules()));
        row.add(run.parentRunId());
        row.add(r.containerId());
        return print(row);
    }

    private static String print(List<Object> values) {
        List<Object> oneLine = new ArrayList<>(values.size());
        for (Object v : values) {
            oneLine.add(v instanceof String ? ((String) v).replace('\r', ' ').replace('\n', ' ') : v);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(oneLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** True when {@code line} is the header this codec reads under (the first line of a CSV records file). */
    boolean isHeader(String line) {
        return line.trim().equals(print(new ArrayList<>(readColumns)).trim());
    }

    @Override
    public CallRecord parse(String line) throws IOException {
        List<CSVRecord> rows = read.parse(new StringReader(line)).getRecords();
        if (rows.size() != 1) {
            throw new IOException("expected one CSV row, found " + rows.size());
        }
        CSVRecord row = rows.get(0);
        if (row.size() != readColumns.size()) {
            // an older agent wrote the header and a newer one appended rows (or the reverse): read each row by its width
            for (List<String> variant : SCHEMA2_VARIANTS) {
                if (readColumns != SCHEMA1_COLUMNS && variant != readColumns && row.size() == variant.size()) {
                    return new CsvRecordCodec(variant).parse(line);
                }
            }
            throw new IOException("expected " + readColumns.size() + " columns, found " + row.size());
        }
        boolean schema1 = readColumns == SCHEMA1_COLUMNS;
        try {
            List<ComponentEnergy> energy = new ArrayList<>();
            for (String component : COMPONENTS) {
                String joules = row.get(component + "_" + JOULES);
                if (!joules.isEmpty()) {
                    energy.add(new ComponentEnergy(component, row.get(component + "_" + SOURCE), Double.parseDouble(joules)));
                }
            }
            String other = row.get(OTHER_ENERGY);
            if (!other.isEmpty()) {
                for (String part : other.split(";")) {
                    int colon = part.indexOf(':');
                    int eq = part.lastIndexOf('=');
                    if (colon < 0 || eq < colon) {
                        throw new IOException("malformed other_energy entry '" + part + "'");
                    }
                    energy.add(new ComponentEnergy(part.substring(0, colon), part.substring(colon + 1, eq),
                            Double.parseDouble(part.substring(eq + 1))));
                }
            }
            CarbonFigures carbon = row.get(ZONE).isEmpty() ? null : new CarbonFigures(row.get(ZONE),
                    Double.parseDouble(row.get(GRAMS_PER_KWH)), row.get(INTENSITY_SOURCE), Double.parseDouble(row.get(PUE)),
                    Double.parseDouble(row.get(GRAMS)));
            RunFacts run = schema1 ? RunFacts.legacyCall() : new RunFacts(row.get(KIND), row.get(RUN_ID), row.get(RUN_NAME),
                    Long.parseLong(row.get(CALLS)), Long.parseLong(row.get(ROWS)), row.get(GROUP_ID), row.get(GROUP_NAME),
                    readColumns.contains(PARENT_RUN_ID) ? row.get(PARENT_RUN_ID) : "");
            return new CallRecord(row.get(schema1 ? RUN_ID : JVM_ID), Long.parseLong(row.get(PID)), row.get(HOST), row.get(THREAD),
                    row.get(LIBRARY), row.get(MODEL), row.get(ENTRY_POINT), row.get(OUTCOME), row.get(ERROR_TYPE),
                    Instant.parse(row.get(START)).toEpochMilli(), Instant.parse(row.get(END)).toEpochMilli(),
                    Double.parseDouble(row.get(DURATION)), Integer.parseInt(row.get(EPOCHS)),
                    Integer.parseInt(row.get(EPOCHS_PLANNED)), energy, row.get(DATA_FINGERPRINT), row.get(CONFIG_FINGERPRINT),
                    carbon, run, readColumns.contains(SPARK_APP_ID) ? new SparkApp(row.get(SPARK_APP_ID), row.get(SPARK_APP_NAME),
                            row.get(SPARK_EXECUTOR_ID)) : SparkApp.NONE, readColumns.contains(CONTAINER_ID) ? row.get(CONTAINER_ID) : "");
        } catch (RuntimeException e) {
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
