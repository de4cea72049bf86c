package io.greentrain.exporter.records;

/**
 * Field names of the records file, shared by JSON and CSV so both read the same in pandas or a spreadsheet.
 * {@link #SCHEMA_VERSION} changes only when a field changes meaning or disappears.
 */
final class RecordFields {

    private RecordFields() {
    }

    /** 2: one record per run ({@code kind}, {@code run_id} per run, {@code jvm_id}, calls, rows, group). */
    static final int SCHEMA_VERSION = 2;

    static final String SCHEMA = "schema_version";
    static final String KIND = "kind";
    /** Schema 1: the JVM's id; schema 2: the run's. */
    static final String RUN_ID = "run_id";
    static final String RUN_NAME = "run_name";
    static final String JVM_ID = "jvm_id";
    static final String CALLS = "calls";
    static final String ROWS = "rows";
    static final String GROUP_ID = "group_id";
    static final String GROUP_NAME = "group_name";
    /** Only on runs nested in another run (JSON), a trailing column in CSV. */
    static final String PARENT_RUN_ID = "parent_run_id";
    static final String PID = "pid";
    /** Spark driver and executor JVMs only (absent elsewhere): the application and executor that wrote the record. */
    static final String SPARK_APP_ID = "spark_app_id";
    static final String SPARK_APP_NAME = "spark_app_name";
    static final String SPARK_EXECUTOR_ID = "spark_executor_id";
    /** Only in containers (JSON), a trailing CSV column: the 12-hex container id the runtime shows. */
    static final String CONTAINER_ID = "container_id";
    static final String HOST = "host";
    static final String THREAD = "thread";
    static final String LIBRARY = "library";
    static final String MODEL = "model";
    static final String ENTRY_POINT = "entry_point";
    static final String OUTCOME = "outcome";
    static final String ERROR_TYPE = "error_type";
    static final String START = "start";
    static final String END = "end";
    static final String DURATION = "duration_seconds";
    static final String EPOCHS = "epochs";
    static final String EPOCHS_PLANNED = "epochs_planned";
    static final String ENERGY = "energy";
    static final String COMPONENT = "component";
    static final String SOURCE = "source";
    static final String JOULES = "joules";
    static final String TOTAL_JOULES = "total_joules";
    /** JSON only, on modelled figures: the band of {@code EstimateBand}. */
    static final String JOULES_LOW = "joules_low";
    static final String JOULES_HIGH = "joules_high";
    static final String TOTAL_JOULES_LOW = "total_joules_low";
    static final String TOTAL_JOULES_HIGH = "total_joules_high";
    static final String DATA_FINGERPRINT = "data_fingerprint";
    static final String CONFIG_FINGERPRINT = "config_fingerprint";
    static final String CARBON = "carbon";
    static final String ZONE = "zone";
    static final String GRAMS_PER_KWH = "grams_per_kwh";
    static final String INTENSITY_SOURCE = "intensity_source";
    static final String PUE = "pue";
    static final String GRAMS = "grams";
}
