package io.greentrain.exporter.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
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

class CallAttributorTest {

    private static final RunIdentity RUN = new RunIdentity("run-1", 99, "host-a");

    private FakeHost host;
    private EnergySampler sampler;
    private final List<CallRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final List<CallForecast> forecasts = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, AtomicLong> threadCpu = new ConcurrentHashMap<>();
    private CallAttributor attributor;

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
        attributor = new CallAttributor(sampler, records::add, forecasts::add, RUN,
                id -> threadCpu.computeIfAbsent(id, k -> new AtomicLong()).get());
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
        assertThat(record.runId()).isEqualTo("run-1");
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
            CallAttributor concurrent = new CallAttributor(live, records::add, forecasts::add, RUN, CallAttributor.jvmThreadCpuClock());
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

        CallAttributor failingSink = new CallAttributor(sampler, record -> {
            throw new IllegalStateException("disk full");
        }, forecast -> {
            throw new IllegalStateException("listener bug");
        }, RUN, id -> -1);
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
