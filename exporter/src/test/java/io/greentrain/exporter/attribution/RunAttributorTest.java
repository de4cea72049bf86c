package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RunFacts;
import io.greentrain.exporter.sensors.EnergyChannel;
import io.greentrain.exporter.sensors.EnergySampler;
import io.greentrain.exporter.sensors.EnergySource;
import io.greentrain.exporter.sensors.FakeHost;
import io.greentrain.exporter.sensors.ScriptedSensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunAttributorTest {

    private static final JvmIdentity JVM = new JvmIdentity("jvm-1", 99, "host-a");
    private static final Duration GAP = Duration.ofSeconds(60);
    private static final Duration PROGRESS = Duration.ofSeconds(10);

    private FakeHost host;
    private EnergySampler sampler;
    private final RecordingSink sink = new RecordingSink();
    private final List<CallRecord> records = sink.runs;
    private final List<CallForecast> forecasts = sink.forecasts;
    private final Map<Long, AtomicLong> threadCpu = new ConcurrentHashMap<>();
    private RunAttributor attributor;

    @BeforeEach
    void fakeHost() {
        host = new FakeHost(4);
        // 100 W of CPU, 10 W of DRAM (this process holds 1 of 16 GiB), one GPU at 200 W used by this process alone
        ScriptedSensor sensor = new ScriptedSensor(List.of(EnergyChannel.cpu(EnergySource.RAPL, "scripted"),
                EnergyChannel.dram(EnergySource.RAPL, "scripted"), EnergyChannel.gpu(EnergySource.NVML, "0", "scripted")),
                nanos -> 100 * nanos / 1e9, nanos -> 10 * nanos / 1e9, nanos -> 200 * nanos / 1e9);
        sampler = host.sampler(host.sensorSet(sensor), Duration.ofSeconds(1));
        host.run(1000, 2, 2); // this process owns the host's busy CPU time
        sampler.tick();
        attributor = attributor(false);
    }

    private static CallStart call(String model, long threadId, int epochsPlanned) {
        return new CallStart("dl4j", model, "MultiLayerNetwork#fit", "trainer-" + threadId, threadId, epochsPlanned, "rows=10", "cfg");
    }

    private static double joules(CallRecord record, String component) {
        return record.energy().stream().filter(e -> e.component().equals(component)).mapToDouble(ComponentEnergy::joules).sum();
    }

    @Test
    void aShortCallIsChargedItsOwnFewMilliseconds() {
        CallHandle handle = attributor.started(call("Mlp", 1, -1));
        host.run(5, 1, 1);
        attributor.ended(handle, TrainingCalls.SUCCESS, "");

        assertThat(records).hasSize(1);
        CallRecord record = records.get(0);
        assertThat(joules(record, "cpu")).isCloseTo(100 * 0.005, within(1e-9));   // not 0, not a 1 s interval's 100 J
        assertThat(joules(record, "dram")).isCloseTo(10 * 0.005 / 16, within(1e-9));
        assertThat(joules(record, "gpu")).isCloseTo(200 * 0.005, within(1e-9));
        assertThat(record.durationSeconds()).isCloseTo(0.005, within(1e-9));
        assertThat(record.energy()).extracting(ComponentEnergy::source).containsExactly("rapl", "rapl", "nvml");
    }

    @Test
    void theRecordCarriesTheCallsIdentity() {
        long startMillis = host.epochMillis();
        CallHandle handle = attributor.started(new CallStart("smile", "RandomForest", "RandomForest#fit", "main", 1, 3,
                "rows=60000,features=784", "abc123"));
        host.run(2000, 1, 1);
        attributor.epochEnded(handle, 1);
        attributor.epochEnded(handle, 2);
        attributor.ended(handle, TrainingCalls.ERROR, "java.lang.OutOfMemoryError");

        CallRecord record = records.get(0);
        assertThat(record.jvmId()).isEqualTo("jvm-1");
        assertThat(record.runId()).startsWith("jvm-1-");
        assertThat(record.run().kind()).isEqualTo("run");
        assertThat(record.run().calls()).isEqualTo(1);
        assertThat(record.pid()).isEqualTo(99);
        assertThat(record.host()).isEqualTo("host-a");
        assertThat(record.thread()).isEqualTo("main");
        assertThat(record.library()).isEqualTo("smile");
        assertThat(record.model()).isEqualTo("RandomForest");
        assertThat(record.entryPoint()).isEqualTo("RandomForest#fit");
        assertThat(record.outcome()).isEqualTo("error");
        assertThat(record.errorType()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(record.startEpochMillis()).isEqualTo(startMillis);
        assertThat(record.endEpochMillis()).isEqualTo(startMillis + 2000);
        assertThat(record.epochs()).isEqualTo(2);
        assertThat(record.epochsPlanned()).isEqualTo(3);
        assertThat(record.dataFingerprint()).isEqualTo("rows=60000,features=784");
        assertThat(record.configFingerprint()).isEqualTo("abc123");
        assertThat(record.carbon()).isNull();
    }

    @Test
    void runAndCallRecordsCarryTheContainerIdOfTheirJvm() {
        JvmIdentity inContainer = new JvmIdentity("jvm-2", 7, "pod-a", () -> io.greentrain.exporter.records.SparkApp.NONE,
                "0123456789ab");
        RunAttributor contained = new RunAttributor(sampler, sink, inContainer, id -> -1, true, GAP, PROGRESS);
        CallHandle handle = contained.started(call("Mlp", 1, -1));
        host.run(10, 1, 1);
        contained.ended(handle, TrainingCalls.SUCCESS, "");
        contained.endAll();
        assertThat(records).extracting(CallRecord::containerId).containsExactly("0123456789ab");
        assertThat(sink.calls).extracting(CallRecord::containerId).containsExactly("0123456789ab");
    }

    @Test
    void overlappingCallsSplitCpuByThreadCpuTimeAndTheRestEqually() {
        CallHandle a = attributor.started(call("A", 1, -1));
        host.run(1000, 2, 2);                        // A alone: all 100 J of CPU
        threadCpu.get(1L).addAndGet(750_000_000L);
        CallHandle b = attributor.started(call("B", 2, -1));
        host.run(1000, 2, 2);                        // both: threads 600 + 200 ms of the process's 2000 ms
        threadCpu.get(1L).addAndGet(600_000_000L);
        threadCpu.get(2L).addAndGet(200_000_000L);
        attributor.ended(a, TrainingCalls.SUCCESS, "");
        host.run(1000, 2, 2);                        // B alone
        attributor.ended(b, TrainingCalls.SUCCESS, "");

        CallRecord recordA = records.get(0);
        CallRecord recordB = records.get(1);
        // unexplained 2000 - 800 = 1200 ms, 600 each: weights 1200 and 800
        assertThat(joules(recordA, "cpu")).isCloseTo(100 + 100 * 0.6, within(1e-9));
        assertThat(joules(recordB, "cpu")).isCloseTo(100 * 0.4 + 100, within(1e-9));
        // DRAM and GPU: equal halves while both run
        assertThat(joules(recordA, "dram")).isCloseTo(10.0 / 16 * 1.5, within(1e-9));
        assertThat(joules(recordB, "gpu")).isCloseTo(200 * 1.5, within(1e-9));
    }

    @Test
    void eightConcurrentCallsNeverGetMoreThanTheProcessUsed() throws Exception {
        ScriptedSensor sensor = new ScriptedSensor(List.of(EnergyChannel.cpu(EnergySource.RAPL, "real time"),
                EnergyChannel.dram(EnergySource.ESTIMATE, "real time"), EnergyChannel.gpu(EnergySource.NVML, "0", "real time")),
                nanos -> 120 * nanos / 1e9, nanos -> 8 * nanos / 1e9, nanos -> 250 * nanos / 1e9);
        try (EnergySampler live = EnergySampler.start(new io.greentrain.exporter.sensors.SensorSet(List.of(sensor), List.of(),
                io.greentrain.exporter.sensors.ProcessCpuShare.forThisProcess(System::nanoTime),
                io.greentrain.exporter.sensors.ResidentMemoryShare.forThisProcess()), Duration.ofMillis(100))) {
            RunAttributor concurrent = new RunAttributor(live, sink, JVM, RunAttributor.jvmThreadCpuClock(), false, GAP, PROGRESS);
            var before = live.sampleNow();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                final int n = i;
                Thread thread = new Thread(() -> {
                    CallHandle handle = concurrent.started(new CallStart("tribuo", "M" + n, "Trainer#train", Thread.currentThread().getName(),
                            Thread.currentThread().getId(), 2, "", ""));
                    burn(40 + 30 * n);
                    concurrent.epochEnded(handle, 1);
                    burn(40 + 30 * n);
                    concurrent.ended(handle, TrainingCalls.SUCCESS, "");
                }, "call-" + i);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            var after = live.sampleNow();

            assertThat(records).hasSize(8);
            assertThat(forecasts).hasSize(8);
            assertThat(concurrent.runningCalls()).isZero();
            for (int c = 0; c < after.channels().size(); c++) {
                String component = after.channels().get(c).component().label();
                double process = after.processJoules(c) - before.processJoules(c);
                double calls = records.stream().mapToDouble(r -> joules(r, component)).sum();
                assertThat(process).as(component + " process energy").isGreaterThan(0);
                assertThat(calls).as(component + ": sum over calls <= process energy").isLessThanOrEqualTo(process * (1 + 1e-9));
                assertThat(calls).as(component + ": the calls ran most of the time").isGreaterThan(0.5 * process);
            }
        }
    }

    @Test
    void aForecastAfterEachEpochOfACallWithPlannedEpochs() {
        CallHandle handle = attributor.started(call("Mlp", 1, 10));
        assertThat(attributor.forecastJoules(handle)).isNaN();
        host.run(1000, 2, 2);
        attributor.epochEnded(handle, 1);

        double perEpoch = 100 + 10.0 / 16 + 200;
        assertThat(attributor.forecastJoules(handle)).isCloseTo(10 * perEpoch, within(1e-6));
        assertThat(forecasts).hasSize(1);
        CallForecast forecast = forecasts.get(0);
        assertThat(forecast.call().model()).isEqualTo("Mlp");
        assertThat(forecast.epochsCompleted()).isEqualTo(1);
        assertThat(forecast.joulesSoFar()).isCloseTo(perEpoch, within(1e-6));
        assertThat(forecast.forecastSeconds()).isCloseTo(10, within(1e-9));

        host.run(3000, 2, 2); // a slower second epoch moves the forecast
        attributor.epochEnded(handle, 2);
        assertThat(attributor.forecastJoules(handle)).isCloseTo(4 * perEpoch / 2 * 10, within(1e-6));
        attributor.ended(handle, TrainingCalls.SUCCESS, "");
        assertThat(attributor.forecastJoules(handle)).isCloseTo(20 * perEpoch, within(1e-6));

        CallHandle unplanned = attributor.started(call("Rf", 1, -1));
        host.run(1000, 2, 2);
        attributor.epochEnded(unplanned, 1);
        assertThat(attributor.forecastJoules(unplanned)).isNaN();
        assertThat(forecasts).hasSize(2);
    }

    @Test
    void neverThrowsAndIgnoresWhatItDoesNotTrack() {
        assertThat(attributor.started(null)).isSameAs(CallHandle.UNTRACKED);
        attributor.ended(CallHandle.UNTRACKED, TrainingCalls.SUCCESS, "");
        attributor.epochEnded(CallHandle.UNTRACKED, 1);
        attributor.ended(null, null, null);
        assertThat(attributor.forecastJoules(null)).isNaN();

        RunSink throwing = (RunSink) java.lang.reflect.Proxy.newProxyInstance(RunSink.class.getClassLoader(),
                new Class<?>[] {RunSink.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("disk full");
                });
        RunAttributor failingSink = new RunAttributor(sampler, throwing, JVM, id -> -1, false, GAP, PROGRESS);
        CallHandle handle = failingSink.started(call("X", 1, 2));
        failingSink.epochEnded(handle, 1);
        failingSink.ended(handle, "weird", null);

        CallHandle twice = attributor.started(call("Y", 1, -1));
        attributor.ended(twice, "weird-outcome", null);
        attributor.ended(twice, TrainingCalls.SUCCESS, "");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).outcome()).isEqualTo("error");
        assertThat(records.get(0).errorType()).isEmpty();

        sampler.close();
        CallHandle afterClose = attributor.started(call("Z", 1, -1));
        attributor.ended(afterClose, TrainingCalls.SUCCESS, "");
        assertThat(records).hasSize(2);
        assertThat(joules(records.get(1), "cpu")).isZero();
    }

    private RunAttributor attributor(boolean callDetail) {
        return new RunAttributor(sampler, sink, JVM, id -> threadCpu.computeIfAbsent(id, k -> new AtomicLong()).get(),
                callDetail, GAP, PROGRESS);
    }

    /** A call of the run keyed {@code key}, optionally in group {@code group}. */
    private static CallStart keyed(String key, String model, long threadId, String config, String group) {
        return new CallStart("dl4j", model, "MultiLayerNetwork#fit", "trainer-" + threadId, threadId, -1, "rows=32", config,
                key, "", group, group.isEmpty() ? "" : "tribuo CrossValidation", 32);
    }

    @Test
    void aMiniBatchLoopIsOneRunWithAllItsCallsAndAllItsEnergy() {
        double before = host.nanoTime();
        CallHandle handle = attributor.started(keyed("model@1", "Mlp", 1, "cfg", ""));
        host.run(5, 1, 1);
        attributor.ended(handle, TrainingCalls.SUCCESS, "");
        for (int batch = 1; batch < 600; batch++) {
            CallHandle again = attributor.startedAgain(handle, 32);
            assertThat(again).as("batch " + batch + " continues the run").isNotNull();
            host.run(5, 1, 1);
            attributor.ended(again, TrainingCalls.SUCCESS, "");
            handle = again;
        }
        assertThat(records).as("no record while the run is open").isEmpty();
        assertThat(attributor.openRuns()).isEqualTo(1);
        attributor.endAll();

        assertThat(records).hasSize(1);
        CallRecord run = records.get(0);
        assertThat(run.run().kind()).isEqualTo(RunFacts.RUN);
        assertThat(run.run().calls()).isEqualTo(600);
        assertThat(run.run().rows()).isEqualTo(600 * 32);
        assertThat(run.durationSeconds()).isCloseTo((host.nanoTime() - before) / 1e9, within(1e-6));
        // the loop ran back to back: the run is charged the whole 3 s of CPU at 100 W, and no more
        assertThat(joules(run, "cpu")).isCloseTo(100 * 3.0, within(1e-6));
        assertThat(joules(run, "gpu")).isCloseTo(200 * 3.0, within(1e-6));
        assertThat(sink.started).hasSize(1);
    }

    @Test
    void timeBetweenARunsCallsIsChargedToNoRunAndAGapEndsTheRun() {
        CallHandle first = attributor.started(keyed("model@1", "Mlp", 1, "cfg", ""));
        host.run(1000, 1, 1);
        attributor.ended(first, TrainingCalls.SUCCESS, "");
        host.run(30_000, 1, 1);                                  // evaluation: not training, within the gap
        attributor.tick();
        CallHandle second = attributor.startedAgain(first, -1);
        assertThat(second).isNotNull();
        host.run(1000, 1, 1);
        attributor.ended(second, TrainingCalls.SUCCESS, "");
        host.run(61_000, 1, 1);                                  // longer than runs.gap: the run ends
        attributor.tick();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).run().calls()).isEqualTo(2);
        assertThat(joules(records.get(0), "cpu")).isCloseTo(200, within(1e-6));
        assertThat(attributor.startedAgain(second, -1)).as("an ended run is not continued").isNull();

        CallHandle rerun = attributor.started(keyed("model@1", "Mlp", 1, "cfg", ""));
        host.run(1000, 1, 1);
        attributor.ended(rerun, TrainingCalls.SUCCESS, "");
        attributor.endAll();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).runId()).isNotEqualTo(records.get(0).runId());
        assertThat(records.get(1).configFingerprint()).isEqualTo(records.get(0).configFingerprint());
    }

    /** A user's {@code GreenTrain.measure} block on thread {@code threadId}. */
    private static CallStart block(String label, long threadId) {
        return new CallStart("custom", label, "GreenTrain#measure", "trainer-" + threadId, threadId, -1, "", "");
    }

    @Test
    void aFitInsideAUsersBlockIsItsChildAndTheEnergyIsCountedOnce() {
        CallHandle outer = attributor.started(block("prepare-and-train", 1));
        host.run(1000, 2, 2);                                    // the block's own work: 1 s
        threadCpu.get(1L).addAndGet(1_000_000_000L);
        CallHandle fit = attributor.startedWithin(keyed("model@1", "Mlp", 1, "cfg", ""), outer);
        host.run(3000, 2, 2);                                    // the fit: 3 s on the same thread
        threadCpu.get(1L).addAndGet(3_000_000_000L);
        attributor.ended(fit, TrainingCalls.SUCCESS, "");
        host.run(500, 2, 2);                                     // the block again: 0.5 s
        threadCpu.get(1L).addAndGet(500_000_000L);
        attributor.ended(outer, TrainingCalls.SUCCESS, "");
        attributor.endAll();

        assertThat(records).extracting(CallRecord::library).containsExactlyInAnyOrder("custom", "dl4j");
        CallRecord parent = records.stream().filter(r -> r.library().equals("custom")).findFirst().orElseThrow();
        CallRecord child = records.stream().filter(r -> r.library().equals("dl4j")).findFirst().orElseThrow();
        assertThat(child.run().parentRunId()).isEqualTo(parent.runId());
        assertThat(parent.run().parentRunId()).isEmpty();
        // each record has its own energy: the fit its 3 s, the block its 1.5 s; together the 4.5 s the process used
        assertThat(joules(child, "cpu")).isCloseTo(100 * 3.0, within(1e-6));
        assertThat(joules(parent, "cpu")).isCloseTo(100 * 1.5, within(1e-6));
        assertThat(joules(child, "gpu") + joules(parent, "gpu")).isCloseTo(200 * 4.5, within(1e-6));
        assertThat(parent.durationSeconds()).isCloseTo(4.5, within(1e-6));
    }

    @Test
    void aMiniBatchLoopInsideABlockChargesTheLoopAndTheBlockOnlyTheRest() {
        CallHandle outer = attributor.started(block("loop", 1));
        CallHandle batch = attributor.startedWithin(keyed("model@1", "Mlp", 1, "cfg", ""), outer);
        host.run(10, 1, 1);
        attributor.ended(batch, TrainingCalls.SUCCESS, "");
        for (int i = 1; i < 300; i++) {
            batch = attributor.startedAgain(batch, 32);
            assertThat(batch).isNotNull();
            host.run(10, 1, 1);
            attributor.ended(batch, TrainingCalls.SUCCESS, "");
        }
        host.run(1000, 1, 1);                                    // evaluation inside the block, after the loop
        attributor.ended(outer, TrainingCalls.SUCCESS, "");
        attributor.endAll();

        CallRecord parent = records.stream().filter(r -> r.library().equals("custom")).findFirst().orElseThrow();
        CallRecord loop = records.stream().filter(r -> r.library().equals("dl4j")).findFirst().orElseThrow();
        assertThat(loop.run().calls()).isEqualTo(300);
        assertThat(loop.run().parentRunId()).isEqualTo(parent.runId());
        assertThat(joules(loop, "cpu") + joules(parent, "cpu")).isCloseTo(100 * 4.0, within(1e-6));
        assertThat(joules(loop, "cpu")).isCloseTo(100 * 3.0, within(100 * 0.1)); // within one refresh interval
        assertThat(joules(parent, "cpu")).isGreaterThanOrEqualTo(100 * 0.9);
    }

    @Test
    void twoFitsOnTwoThreadsInsideABlockTakeTheBlocksShareBetweenThem() {
        CallHandle outer = attributor.started(block("fan-out", 1));
        CallHandle a = attributor.startedWithin(keyed("model@1", "A", 2, "cfg", ""), outer);
        CallHandle b = attributor.startedWithin(keyed("model@2", "B", 3, "cfg", ""), outer);
        host.run(2000, 2, 2);
        threadCpu.get(2L).addAndGet(1_500_000_000L);
        threadCpu.get(3L).addAndGet(500_000_000L);
        attributor.ended(a, TrainingCalls.SUCCESS, "");
        attributor.ended(b, TrainingCalls.SUCCESS, "");
        attributor.ended(outer, TrainingCalls.SUCCESS, "");
        attributor.endAll();

        double total = records.stream().mapToDouble(r -> joules(r, "cpu")).sum();
        assertThat(total).isCloseTo(100 * 2.0, within(1e-6));
        CallRecord parent = records.stream().filter(r -> r.library().equals("custom")).findFirst().orElseThrow();
        assertThat(joules(parent, "cpu")).isCloseTo(0, within(1e-6));
        assertThat(records.stream().filter(r -> r.library().equals("dl4j")))
                .allSatisfy(r -> assertThat(r.run().parentRunId()).isEqualTo(parent.runId()))
                .allSatisfy(r -> assertThat(joules(r, "cpu")).isCloseTo(100.0, within(1e-6)));
    }

    @Test
    void aChildWhoseBlockHasEndedStandsOnItsOwnBesideAnotherRun() {
        CallHandle outer = attributor.started(block("kick-off", 1));
        CallHandle fit = attributor.startedWithin(keyed("model@1", "Mlp", 2, "cfg", ""), outer);
        host.run(1000, 2, 2);                                    // the fit inside the block: it takes the block's share
        threadCpu.get(2L).addAndGet(1_000_000_000L);
        attributor.ended(outer, TrainingCalls.SUCCESS, "");      // the block ends, the fit (on its own thread) goes on
        CallHandle other = attributor.started(call("Other", 3, -1));
        host.run(1000, 2, 2);                                    // fit and another run: threads 600 + 200 ms of 2000 ms
        threadCpu.get(2L).addAndGet(600_000_000L);
        threadCpu.get(3L).addAndGet(200_000_000L);
        attributor.ended(fit, TrainingCalls.SUCCESS, "");
        attributor.ended(other, TrainingCalls.SUCCESS, "");
        attributor.endAll();

        CallRecord parent = records.stream().filter(r -> r.library().equals("custom")).findFirst().orElseThrow();
        CallRecord child = records.stream().filter(r -> r.model().equals("Mlp")).findFirst().orElseThrow();
        CallRecord beside = records.stream().filter(r -> r.model().equals("Other")).findFirst().orElseThrow();
        assertThat(child.run().parentRunId()).isEqualTo(parent.runId());
        assertThat(joules(parent, "cpu")).isCloseTo(0, within(1e-6));
        // after the block: the fit and the other run split by thread CPU time (weights 1200 and 800), as two runs
        assertThat(joules(child, "cpu")).isCloseTo(100 + 100 * 0.6, within(1e-6));
        assertThat(joules(beside, "cpu")).isCloseTo(100 * 0.4, within(1e-6));
        assertThat(joules(child, "gpu")).isCloseTo(200 + 200 * 0.5, within(1e-6));
    }

    @Test
    void anotherConfigurationOnTheSameModelStartsAnotherRun() {
        CallHandle a = attributor.started(keyed("model@1", "Mlp", 1, "cfg-a", ""));
        attributor.ended(a, TrainingCalls.SUCCESS, "");
        CallHandle b = attributor.started(keyed("model@1", "Mlp", 1, "cfg-b", ""));
        attributor.ended(b, TrainingCalls.SUCCESS, "");
        CallHandle b2 = attributor.started(keyed("model@1", "Mlp", 1, "cfg-b", ""));
        attributor.ended(b2, TrainingCalls.SUCCESS, "");
        attributor.endAll();
        assertThat(records).extracting(r -> r.configFingerprint() + ":" + r.run().calls()).containsExactly("cfg-a:1", "cfg-b:2");
    }

    @Test
    void twoModelsTrainedInterleavedOnTwoThreadsAreTwoRunsWithTheirOwnCalls() {
        CallHandle a = attributor.started(keyed("model@1", "A", 1, "cfg", ""));
        CallHandle b = attributor.started(keyed("model@2", "B", 2, "cfg", ""));
        for (int i = 0; i < 10; i++) {
            host.run(100, 2, 2);
            threadCpu.get(1L).addAndGet(75_000_000L);
            threadCpu.get(2L).addAndGet(25_000_000L);
            attributor.ended(a, TrainingCalls.SUCCESS, "");
            attributor.ended(b, TrainingCalls.SUCCESS, "");
            if (i < 9) { // by key, as the agent does on another thread than the fast path's (startedAgain reads the current thread)
                a = attributor.started(keyed("model@1", "A", 1, "cfg", ""));
                b = attributor.started(keyed("model@2", "B", 2, "cfg", ""));
            }
        }
        attributor.endAll();
        assertThat(records).hasSize(2);
        CallRecord runA = records.stream().filter(r -> r.model().equals("A")).findFirst().orElseThrow();
        CallRecord runB = records.stream().filter(r -> r.model().equals("B")).findFirst().orElseThrow();
        assertThat(runA.run().calls()).isEqualTo(10);
        assertThat(runB.run().calls()).isEqualTo(10);
        double total = joules(runA, "cpu") + joules(runB, "cpu");
        assertThat(total).isCloseTo(100 * 1.0, within(1e-6));
        assertThat(joules(runA, "cpu")).isGreaterThan(joules(runB, "cpu"));
    }

    @Test
    void runsOfACrossValidationAreOneGroupWhoseTotalsAreTheirSum() {
        for (int config = 0; config < 3; config++) {
            for (int fold = 0; fold < 5; fold++) {
                CallHandle call = attributor.started(keyed("trainer@" + config, "LogisticRegressionTrainer", 1, "cfg" + config, "cv@1"));
                host.run(200, 1, 1);
                attributor.ended(call, TrainingCalls.SUCCESS, "");
            }
        }
        assertThat(records).isEmpty();
        attributor.scopeEnded("cv@1", true);

        assertThat(records).hasSize(3);
        assertThat(records).extracting(r -> r.run().calls()).containsOnly(5L);
        assertThat(records).extracting(r -> r.run().groupId()).containsOnly(records.get(0).run().groupId());
        assertThat(records.get(0).run().groupName()).isEqualTo("tribuo CrossValidation");
        assertThat(sink.groups).hasSize(1);
        assertThat(sink.groups.get(0).runs()).isEqualTo(3);
        double sum = records.stream().mapToDouble(r -> joules(r, "cpu")).sum();
        assertThat(sum).isCloseTo(100 * 3.0, within(1e-6));
    }

    @Test
    void withCallDetailEachCallHasItsOwnRecordBesideTheRunsRecord() {
        RunAttributor detailed = attributor(true);
        CallHandle handle = detailed.started(keyed("model@1", "Mlp", 1, "cfg", ""));
        host.run(100, 1, 1);
        detailed.ended(handle, TrainingCalls.SUCCESS, "");
        for (int i = 0; i < 2; i++) {
            host.run(50, 1, 1);                                   // between calls: charged to none
            handle = detailed.startedAgain(handle, 32);
            host.run(100, 1, 1);
            detailed.ended(handle, TrainingCalls.SUCCESS, "");
        }
        detailed.endAll();
        assertThat(sink.calls).hasSize(3);
        assertThat(sink.calls).extracting(r -> r.run().kind()).containsOnly(RunFacts.CALL);
        assertThat(sink.calls).extracting(r -> r.runId()).containsOnly(records.get(0).runId());
        for (CallRecord call : sink.calls) {
            assertThat(joules(call, "cpu")).isCloseTo(10, within(1e-6));
        }
        assertThat(records).hasSize(1);
        assertThat(joules(records.get(0), "cpu")).isCloseTo(30, within(1e-6));
    }

    @Test
    void progressIsDeliveredWhileARunIsActiveAndTheRemainderAtItsEnd() {
        CallHandle handle = attributor.started(keyed("model@1", "Mlp", 1, "cfg", ""));
        host.run(11_000, 1, 1);
        attributor.tick();
        assertThat(sink.progress).hasSize(1);
        assertThat(sink.progress.get(0).callsSoFar()).isEqualTo(1);
        host.run(4_000, 1, 1);
        attributor.ended(handle, TrainingCalls.SUCCESS, "");
        attributor.endAll();
        double delivered = sink.progress.stream().mapToDouble(RunAttributorTest::cpu).sum() + cpu(sink.lastProgress.get(0));
        assertThat(delivered).as("progress deltas add up to the run's energy").isCloseTo(joules(records.get(0), "cpu"), within(1e-6));
        assertThat(delivered).isCloseTo(1500, within(1e-6));
    }

    private static double cpu(RunProgress progress) {
        return progress.energySince().stream().filter(e -> e.component().equals("cpu")).mapToDouble(ComponentEnergy::joules).sum();
    }

    /** Keeps what the attributor delivers. */
    static final class RecordingSink implements RunSink {
        final List<CallRecord> runs = Collections.synchronizedList(new ArrayList<>());
        final List<CallRecord> calls = Collections.synchronizedList(new ArrayList<>());
        final List<RunProgress> progress = Collections.synchronizedList(new ArrayList<>());
        final List<RunProgress> lastProgress = Collections.synchronizedList(new ArrayList<>());
        final List<GroupEnd> groups = Collections.synchronizedList(new ArrayList<>());
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<CallForecast> forecasts = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void runStarted(CallStart first, String runId) {
            started.add(runId);
        }

        @Override
        public void runProgress(RunProgress p) {
            progress.add(p);
        }

        @Override
        public void runFinished(CallRecord run, RunProgress last) {
            runs.add(run);
            lastProgress.add(last);
        }

        @Override
        public void callFinished(CallRecord call) {
            calls.add(call);
        }

        @Override
        public void groupFinished(GroupEnd group) {
            groups.add(group);
        }

        @Override
        public void forecast(CallForecast forecast) {
            forecasts.add(forecast);
        }
    }

    private static void burn(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            System.out.print("");
        }
    }
}
