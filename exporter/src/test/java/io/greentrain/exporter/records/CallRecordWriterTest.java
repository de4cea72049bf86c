package io.greentrain.exporter.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordWriterTest {

    @TempDir
    Path dir;

    private static long problems(String reason) {
        var count = AgentLog.problemCounts().get("records\u0000" + reason);
        return count == null ? 0 : count.get();
    }

    @Test
    void jsonLinesRoundTripEveryField() throws IOException {
        Path file = dir.resolve("calls.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.JSONL);
        CallRecord withCarbon = Records.sample("MultiLayerNetwork", 1000.5, Records.carbon());
        CallRecord withoutCarbon = Records.sample("ComputationGraph", 7, null);
        assertThat(writer.append(withCarbon)).isTrue();
        assertThat(writer.append(withoutCarbon)).isTrue();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"schema_version\":2,\"kind\":\"run\",\"run_id\":\"run-7-3\",").contains("\"start\":\"2023-11-14T22:13:20.123Z\"")
                .contains("\"carbon\":{\"zone\":\"FR\"");
        List<CallRecord> read = CallRecordReader.read(file).records();
        assertThat(read).hasSize(2);
        assertSame(read.get(0), withCarbon);
        assertSame(read.get(1), withoutCarbon);
    }

    @Test
    void sparkApplicationAndExecutorRoundTripInBothFormatsAndArePresentOnlyInSpark() throws IOException {
        CallRecord spark = Records.sample("RandomForest", 30, Records.carbon())
                .withSparkApp(new SparkApp("app-20261207101500-0003", "nightly, per partition", "2"));
        CallRecord plain = Records.sample("RandomForest", 31, null);
        for (RecordFormat format : RecordFormat.values()) {
            Path file = dir.resolve("spark." + format.name().toLowerCase(java.util.Locale.ROOT));
            CallRecordWriter writer = new CallRecordWriter(file, format);
            writer.append(spark);
            writer.append(plain);
            List<CallRecord> read = CallRecordReader.read(file).records();
            assertSame(read.get(0), spark);
            assertThat(read.get(1).sparkApp()).isEqualTo(SparkApp.NONE);
        }
        List<String> json = Files.readAllLines(dir.resolve("spark.jsonl"));
        assertThat(json.get(0)).contains("\"spark_app_id\":\"app-20261207101500-0003\",\"spark_app_name\":\"nightly, per partition\","
                + "\"spark_executor_id\":\"2\"");
        assertThat(json.get(1)).doesNotContain("spark_");
    }

    @Test
    void aCsvFileStartedByAnOlderAgentKeepsReadingWhenANewerOneAppendsWiderRows() throws IOException {
        Path file = dir.resolve("mixed.csv");
        CallRecord older = Records.sample("Old", 1, null);
        String olderRow = new CsvRecordCodec().line(older);
        // what an agent before the appended columns wrote: its header and a row without the last six fields
        String header = String.join(",", CsvRecordCodec.SCHEMA2_FIRST_COLUMNS);
        String narrowRow = olderRow.substring(0, nthCommaFromEnd(olderRow.trim(),
                CsvRecordCodec.APPENDED_SPARK.size() + CsvRecordCodec.APPENDED_NESTING.size() + CsvRecordCodec.APPENDED_CONTAINER.size()));
        Files.writeString(file, header + "\n" + narrowRow + "\n");
        CallRecord newer = Records.sample("New", 2, null).withSparkApp(new SparkApp("app-1", "a", "1"));
        new CallRecordWriter(file, RecordFormat.CSV).append(newer);
        CallRecordReader.Result read = CallRecordReader.read(file);
        assertThat(read.skipped()).isZero();
        assertThat(read.records()).extracting(CallRecord::model).containsExactly("Old", "New");
        assertThat(read.records().get(1).sparkApp().appId()).isEqualTo("app-1");
    }

    @Test
    void aCsvFileWithTheSparkColumnsButNoParentColumnReadsAndTakesNestedRuns() throws IOException {
        Path file = dir.resolve("spark-era.csv");
        CallRecord older = Records.sample("Old", 1, null).withSparkApp(new SparkApp("app-9", "n", "3"));
        String olderRow = new CsvRecordCodec().line(older);
        String header = String.join(",", CsvRecordCodec.SCHEMA2_SPARK_COLUMNS);
        String narrowRow = olderRow.substring(0, nthCommaFromEnd(olderRow.trim(),
                CsvRecordCodec.APPENDED_NESTING.size() + CsvRecordCodec.APPENDED_CONTAINER.size()));
        Files.writeString(file, header + "\n" + narrowRow + "\n");
        new CallRecordWriter(file, RecordFormat.CSV).append(nested(Records.sample("Child", 2, null), "jvm-1", "jvm-2"));
        CallRecordReader.Result read = CallRecordReader.read(file);
        assertThat(read.skipped()).isZero();
        assertThat(read.records().get(0).sparkApp().appId()).isEqualTo("app-9");
        assertThat(read.records().get(0).run().parentRunId()).isEmpty();
        assertThat(read.records().get(1).run().parentRunId()).isEqualTo("jvm-1");
    }

    @Test
    void aNestedRunNamesItsParentInBothFormatsAndOtherRunsDoNot() throws IOException {
        for (RecordFormat format : RecordFormat.values()) {
            Path file = dir.resolve("nested." + format.name().toLowerCase(java.util.Locale.ROOT));
            CallRecordWriter writer = new CallRecordWriter(file, format);
            writer.append(nested(Records.sample("Child", 2, null), "abc-1", "abc-2"));
            writer.append(Records.sample("Plain", 1, null));
            List<CallRecord> read = CallRecordReader.read(file).records();
            assertThat(read.get(0).run().parentRunId()).isEqualTo("abc-1");
            assertThat(read.get(0).run().runId()).isEqualTo("abc-2");
            assertThat(read.get(1).run().parentRunId()).isEmpty();
        }
        assertThat(Files.readAllLines(dir.resolve("nested.jsonl")).get(1)).doesNotContain("parent_run_id");
    }

    /** {@code record} as run {@code runId} nested in {@code parentRunId}. */
    private static CallRecord nested(CallRecord record, String parentRunId, String runId) {
        RunFacts r = record.run();
        return new CallRecord(record.jvmId(), record.pid(), record.host(), record.thread(), record.library(), record.model(),
                record.entryPoint(), record.outcome(), record.errorType(), record.startEpochMillis(), record.endEpochMillis(),
                record.durationSeconds(), record.epochs(), record.epochsPlanned(), record.energy(), record.dataFingerprint(),
                record.configFingerprint(), record.carbon(), new RunFacts(RunFacts.RUN, runId, r.runName(), r.calls(), r.rows(),
                r.groupId(), r.groupName(), parentRunId));
    }

    static int nthCommaFromEnd(String line, int n) {
        int at = line.length();
        for (int i = 0; i < n; i++) {
            at = line.lastIndexOf(',', at - 1);
        }
        return at;
    }

    @Test
    void csvHasTheHeaderOnceAndRoundTrips() throws IOException {
        Path file = dir.resolve("calls.csv");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.CSV);
        CallRecord first = Records.sample("MultiLayerNetwork", 1000.5, Records.carbon());
        CallRecord odd = new CallRecord("run-7", 1, "h", "t", "smile", "RandomForest", "RandomForest#fit", "error",
                "java.lang.IllegalStateException", 0, 1500, 1.5, 0, -1,
                List.of(new ComponentEnergy("cpu", "rapl", 1), new ComponentEnergy("gpu", "nvml", 2),
                        new ComponentEnergy("gpu", "estimate", 3), new ComponentEnergy("npu", "vendor", 4)),
                "line1\nline2", "", null);
        writer.append(first);
        new CallRecordWriter(file, RecordFormat.CSV).append(odd); // a second writer (restarted JVM) adds no header
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("schema_version,kind,run_id,run_name,jvm_id,pid,host,thread,library,model,entry_point,outcome")
                .endsWith("zone,grams_per_kwh,intensity_source,pue,grams,spark_app_id,spark_app_name,spark_executor_id,"
                        + "total_joules_low,total_joules_high,parent_run_id,container_id");
        assertThat(lines.stream().filter(l -> l.startsWith("schema_version"))).hasSize(1);

        List<CallRecord> read = CallRecordReader.read(file).records();
        assertThat(read).hasSize(2);
        assertSame(read.get(0), first);
        assertThat(read.get(1).energy()).extracting(ComponentEnergy::toString)
                .containsExactly("cpu=1.0J(rapl)", "gpu=2.0J(nvml)", "gpu=3.0J(estimate)", "npu=4.0J(vendor)");
        assertThat(read.get(1).dataFingerprint()).isEqualTo("line1 line2");
        assertThat(read.get(1).carbon()).isNull();
    }

    @Test
    void missingDirectoryIsOneProblemAndNoException() {
        CallRecordWriter writer = new CallRecordWriter(dir.resolve("no/such/dir/calls.jsonl"), RecordFormat.JSONL);
        long before = problems("directory_missing");
        writer.checkDirectory();
        assertThat(writer.append(Records.sample("M", 1, null))).isFalse();
        assertThat(problems("directory_missing")).isEqualTo(before + 2);
    }

    @Test
    void parentThatIsAFileIsReported() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        long before = problems("directory_missing");
        assertThat(new CallRecordWriter(notADir.resolve("calls.jsonl"), RecordFormat.JSONL).append(Records.sample("M", 1, null)))
                .isFalse();
        assertThat(problems("directory_missing")).isEqualTo(before + 1);
    }

    @Test
    void fullDiskIsReported() {
        Path devFull = Paths.get("/dev/full");
        assumeThat(Files.isWritable(devFull)).as("/dev/full exists (Linux)").isTrue();
        long before = problems("disk_full");
        assertThat(new CallRecordWriter(devFull, RecordFormat.JSONL).append(Records.sample("M", 1, null))).isFalse();
        assertThat(problems("disk_full")).isEqualTo(before + 1);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesEarlierRecordsIntact() throws IOException {
        Path file = dir.resolve("calls.jsonl");
        CallRecordWriter good = new CallRecordWriter(file, RecordFormat.JSONL);
        good.append(Records.sample("First", 1, null));
        byte[] before = Files.readAllBytes(file);
        // the channel accepts 10 bytes of the next line, then the disk is full
        CallRecordWriter failing = new CallRecordWriter(file, RecordFormat.JSONL, path -> new HalfFullChannel(
                FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 10));
        long problems = problems("disk_full");
        assertThat(failing.append(Records.sample("Second", 2, null))).isFalse();
        assertThat(problems("disk_full")).isEqualTo(problems + 1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        good.append(Records.sample("Third", 3, null));
        assertThat(CallRecordReader.read(file).records()).extracting(CallRecord::model).containsExactly("First", "Third");
        assertThat(CallRecordReader.read(file).skipped()).isZero();
    }

    @Test
    void concurrentCallsWriteWholeLines() throws Exception {
        Path file = dir.resolve("calls.csv");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.CSV);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    writer.append(Records.sample("M" + thread + "-" + i, i, Records.carbon()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        CallRecordReader.Result result = CallRecordReader.read(file);
        assertThat(result.records()).hasSize(200);
        assertThat(result.skipped()).isZero();
        assertThat(Files.readAllLines(file).get(0)).startsWith("schema_version");
    }

    @Test
    void readerSkipsAndCountsMalformedLines() throws IOException {
        Path file = dir.resolve("calls.jsonl");
        new CallRecordWriter(file, RecordFormat.JSONL).append(Records.sample("A", 1, null));
        Files.write(file, "{\"schema_version\":1,\"run_id\":\"x\"}\n\nnot json at all\n{\"half\":".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        new CallRecordWriter(file, RecordFormat.JSONL).append(Records.sample("B", 1, null));
        CallRecordReader.Result result = CallRecordReader.read(file);
        // the writer of B saw the cut-off line and started on a new one: B is kept, the fragment counted
        assertThat(result.records()).extracting(CallRecord::model).containsExactly("A", "B");
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.firstProblem()).startsWith("line 2:").contains("missing field");
    }

    @Test
    void formatNamesAreValidated() {
        assertThat(RecordFormat.of(" CSV ")).isEqualTo(RecordFormat.CSV);
        assertThat(RecordFormat.of("jsonl")).isEqualTo(RecordFormat.JSONL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordFormat.of("xml")).hasMessageContaining("'xml'");
    }

    @Test
    void filesInTheSchema1PerCallLayoutStillLoadAsOneCallRuns() throws IOException {
        Path json = dir.resolve("old.jsonl");
        Files.writeString(json, "{\"schema_version\":1,\"run_id\":\"6f1c2a\",\"pid\":77,\"host\":\"node-2\",\"thread\":\"main\","
                + "\"library\":\"smile\",\"model\":\"RandomForest\",\"entry_point\":\"RandomForest#fit\",\"outcome\":\"success\","
                + "\"error_type\":\"\",\"start\":\"2025-03-01T10:00:00Z\",\"end\":\"2025-03-01T10:00:02.500Z\","
                + "\"duration_seconds\":2.5,\"epochs\":0,\"epochs_planned\":-1,"
                + "\"energy\":[{\"component\":\"cpu\",\"source\":\"rapl\",\"joules\":42.0}],\"total_joules\":42.0,"
                + "\"data_fingerprint\":\"rows=100\",\"config_fingerprint\":\"abc\",\"carbon\":null}\n");
        Path csv = dir.resolve("old.csv");
        Files.writeString(csv, "schema_version,run_id,pid,host,thread,library,model,entry_point,outcome,error_type,start,end,"
                + "duration_seconds,epochs,epochs_planned,cpu_joules,cpu_source,dram_joules,dram_source,gpu_joules,gpu_source,"
                + "other_energy,total_joules,data_fingerprint,config_fingerprint,zone,grams_per_kwh,intensity_source,pue,grams\n"
                + "1,6f1c2a,77,node-2,main,tribuo,LogisticRegressionTrainer,Trainer#train,success,,2025-03-01T10:00:00Z,"
                + "2025-03-01T10:00:01Z,1.0,0,-1,5.5,estimate,,,,,,5.5,,,FR,56.0,table:owid-2023,1.0,0.0000856\n");
        for (Path file : List.of(json, csv)) {
            List<CallRecord> read = CallRecordReader.read(file).records();
            assertThat(read).as(file.toString()).hasSize(1);
            CallRecord old = read.get(0);
            assertThat(old.jvmId()).isEqualTo("6f1c2a");
            assertThat(old.pid()).isEqualTo(77);
            assertThat(old.run().kind()).isEqualTo(RunFacts.CALL);
            assertThat(old.run().calls()).isEqualTo(1);
            assertThat(old.run().groupId()).isEmpty();
            assertThat(old.totalJoules()).isGreaterThan(5);
        }
        assertThat(CallRecordReader.read(csv).records().get(0).carbon().zone()).isEqualTo("FR");
    }

    private static void assertSame(CallRecord actual, CallRecord expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    /** Writes at most {@code budget} bytes, then fails like a full disk. */
    private static final class HalfFullChannel extends FileChannel {
        private final FileChannel inner;
        private int budget;

        HalfFullChannel(FileChannel inner, int budget) {
            this.inner = inner;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (budget <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.slice();
            part.limit(Math.min(part.remaining(), budget));
            int n = inner.write(part);
            src.position(src.position() + n);
            budget -= n;
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return inner.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return inner.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            inner.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            inner.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            inner.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) throws IOException {
            return inner.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) throws IOException {
            return inner.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return inner.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return inner.map(mode, position, size);
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) throws IOException {
            return inner.lock(position, size, shared);
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return inner.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            inner.close();
        }
    }

    @Test
    void aLineCutOffByAKilledJvmIsLeftAloneAndTheNextRecordStartsOnALineOfItsOwn() throws Exception {
        Path file = dir.resolve("cut.jsonl");
        CallRecordWriter before = new CallRecordWriter(file, RecordFormat.JSONL);
        assertThat(before.append(Records.sample("MultiLayerNetwork", 10, null))).isTrue();
        String whole = Files.readString(file);
        Files.writeString(file, whole + whole.substring(0, 40)); // what a kill between two pages of a write leaves

        CallRecordWriter next = new CallRecordWriter(file, RecordFormat.JSONL);
        assertThat(next.append(Records.sample("ComputationGraph", 20, null))).isTrue();
        assertThat(next.append(Records.sample("ComputationGraph", 30, null))).isTrue();

        String text = Files.readString(file);
        assertThat(text).startsWith(whole + whole.substring(0, 40) + "\n").endsWith("\n");
        CallRecordReader.Result read = CallRecordReader.read(file);
        assertThat(read.skipped()).as("the fragment, and only it").isEqualTo(1);
        assertThat(read.records()).extracting(CallRecord::model).containsExactly("MultiLayerNetwork", "ComputationGraph", "ComputationGraph");
    }
}
