package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergySamplerTest {

    @Test
    void processEnergyIntegratesEachIntervalsShare() {
        FakeHost host = new FakeHost(4);
        ScriptedSensor sensor = ScriptedSensor.constantWatts(100, 10);
        host.setRss(4L << 30); // a quarter of the 16 GiB installed
        EnergySampler sampler = host.sampler(host.sensorSet(sensor), Duration.ofSeconds(1));
        EnergySnapshot start = sampler.latest();

        host.run(1000, 1.0, 4.0); // 1 s, this process has 1/4 of the busy CPU time
        sampler.tick();
        host.run(1000, 3.0, 3.0); // 1 s, all of it
        EnergySnapshot end = sampler.tick();

        assertThat(end.hostJoules(0) - start.hostJoules(0)).isCloseTo(200, within(1e-9));
        assertThat(end.processJoules(0) - start.processJoules(0)).isCloseTo(100 * 0.25 + 100 * 1.0, within(1e-9));
        assertThat(end.processJoules(1) - start.processJoules(1)).isCloseTo(20 * 0.25, within(1e-9));
        assertThat(end.processJoules(Component.CPU)).isLessThanOrEqualTo(end.hostJoules(Component.CPU));
    }

    @Test
    void countersStartAtZeroWithTheSampler() {
        FakeHost host = new FakeHost(2);
        host.run(60_000, 1, 1); // the scripted sensor already counted a minute
        EnergySampler sampler = host.sampler(host.sensorSet(ScriptedSensor.constantWatts(50, 5)), Duration.ofSeconds(1));
        assertThat(sampler.latest().hostJoules(0)).isZero();
        assertThat(sampler.latest().processJoules(0)).isZero();
        host.run(10, 1, 1);
        assertThat(sampler.sampleNow().hostJoules(0)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void snapshotsAreOrderedAndBoundaryReadsDoNotRefreshSlowShares() {
        FakeHost host = new FakeHost(2);
        ScriptedSensor sensor = ScriptedSensor.constantWatts(10, 10);
        EnergySampler sampler = host.sampler(host.sensorSet(sensor), Duration.ofSeconds(1));
        host.setRss(8L << 30);
        host.run(100, 1, 1);
        EnergySnapshot boundary = sampler.sampleNow();
        assertThat(boundary.processJoules(1)).as("RSS share still the first tick's (1 GiB of 16)").isCloseTo(1.0 / 16, within(1e-9));
        host.run(100, 1, 1);
        EnergySnapshot tick = sampler.tick();
        assertThat(tick.sequence()).isGreaterThan(boundary.sequence());
        assertThat(tick.processJoules(1) - boundary.processJoules(1)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aSensorWhoseCounterCouldWrapShortensTheTick() {
        FakeHost host = new FakeHost(1);
        ScriptedSensor sensor = ScriptedSensor.constantWatts(1, 1).withWrapPeriod(250_000_000L);
        assertThat(host.sampler(host.sensorSet(sensor), Duration.ofSeconds(5)).tickInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void thePeriodicThreadIsANamedDaemonAndStopsOnClose() throws Exception {
        FakeHost host = new FakeHost(1);
        ScriptedSensor sensor = ScriptedSensor.constantWatts(1, 1);
        EnergySampler sampler = new EnergySampler(host.sensorSet(sensor), Duration.ofMillis(100), System::nanoTime, System::currentTimeMillis);
        sampler.startTicking();
        Thread.sleep(450);
        long reads = sensor.reads();
        assertThat(reads).isBetween(3L, 8L);
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("greentrain-sampler") && t.isDaemon());
        sampler.close();
        Thread.sleep(250);
        assertThat(sensor.reads()).isLessThanOrEqualTo(reads + 1);
        assertThat(sampler.sampleNow()).isSameAs(sampler.latest());
    }

    @Test
    void aThrowingSensorDoesNotStopTheOthers() {
        FakeHost host = new FakeHost(1);
        EnergySensor broken = new EnergySensor() {
            @Override
            public List<EnergyChannel> channels() {
                return List.of(EnergyChannel.gpu(EnergySource.NVML, "0", "broken"));
            }

            @Override
            public void read(SampleFrame frame, int firstChannel) {
                throw new IllegalStateException("bug");
            }
        };
        EnergySampler sampler = host.sampler(host.sensorSet(broken, ScriptedSensor.constantWatts(10, 0)), Duration.ofSeconds(1));
        host.run(1000, 1, 1);
        EnergySnapshot snapshot = sampler.sampleNow();
        assertThat(snapshot.hostJoules(0)).isZero();
        assertThat(snapshot.hostJoules(1)).isCloseTo(10, within(1e-9));
    }

    @Test
    void rejectsIntervalsOutsideTheAllowedRangeNamingTheValue() {
        FakeHost host = new FakeHost(1);
        SensorSet set = host.sensorSet(ScriptedSensor.constantWatts(1, 1));
        assertThatThrownBy(() -> host.sampler(set, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 ms");
        assertThatThrownBy(() -> host.sampler(set, Duration.ofMinutes(2))).hasMessageContaining("120000 ms");
    }
}
