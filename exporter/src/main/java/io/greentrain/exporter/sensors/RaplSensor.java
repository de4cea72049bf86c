package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CPU and DRAM energy of the host from the RAPL zones a {@link RaplZoneDiscovery} chose: one
 * {@code cpu} channel (all packages, or {@code psys}) and, when the platform has them, one {@code dram}
 * channel (all {@code dram} sub-zones).
 *
 * <p>Energy is the sum of counter deltas, never power samples: each zone's {@code energy_uj} is read on
 * every sample and the increase since the previous read (one wrap through {@code max_energy_range_uj}
 * allowed, see {@link WrappingCounter}) is added in whole microjoules, so no rounding accumulates.
 * {@link #maxReadPeriodNanos()} makes the sampler read at least twice per wrap period at
 * {@link #PLAUSIBLE_MAX_WATTS} per zone, so no wrap is missed at any plausible power.
 *
 * <p>An increase larger than {@link #PLAUSIBLE_MAX_WATTS} over the elapsed time (at least one second)
 * is a counter reset or a bad range, not energy (Kepler #1344 reported 9 kW on a 35 W machine): it is
 * dropped, counted as a problem, and the counter re-based.
 */
public final class RaplSensor implements EnergySensor {

    /** Upper bound of one zone's power: above the largest server sockets' package power. */
    public static final double PLAUSIBLE_MAX_WATTS = 1000;

    private final List<RaplZone> zones = new ArrayList<>();
    private final List<Integer> channelOfZone = new ArrayList<>();
    private final List<EnergyChannel> channels = new ArrayList<>();
    private final CheckedCounter[] checked;
    private final long[] microjoules;

    /**
     * @throws IllegalArgumentException when the selection is not {@linkplain RaplSelection#usable() usable}
     * @throws IOException              when a chosen zone cannot be read for the initial reading
     */
    public RaplSensor(RaplSelection selection, SysfsReader reader) throws IOException {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(reader, "reader");
        if (!selection.usable()) {
            throw new IllegalArgumentException("RAPL selection is not usable: " + selection.problemReason() + ": " + selection.problem());
        }
        boolean psys = selection.dramInsideCpu();
        channels.add(EnergyChannel.cpu(EnergySource.RAPL, (psys ? "psys platform zone " : "package zones ") + selection.cpuZones()));
        for (RaplZone zone : selection.cpuZones()) {
            zones.add(zone);
            channelOfZone.add(0);
        }
        if (!selection.dramZones().isEmpty()) {
            channels.add(EnergyChannel.dram(EnergySource.RAPL, "dram zones " + selection.dramZones()));
            for (RaplZone zone : selection.dramZones()) {
                zones.add(zone);
                channelOfZone.add(1);
            }
        }
        checked = new CheckedCounter[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            CounterFile file = reader.counter(zone.energyFile());
            checked[i] = new CheckedCounter(file, zone.energyFile(), new WrappingCounter(zone.maxEnergyRangeMicrojoules(), file.read()), "rapl",
                    "RAPL zone " + zone, "that zone's energy is not counted until it can be read again");
        }
        microjoules = new long[channels.size()];
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        for (int i = 0; i < checked.length; i++) {
            microjoules[channelOfZone.get(i)] += checked[i].delta(frame);
        }
        for (int c = 0; c < microjoules.length; c++) {
            frame.setHostJoules(firstChannel + c, microjoules[c] / 1e6);
        }
    }

    /** Half the shortest wrap period among the zones at {@link #PLAUSIBLE_MAX_WATTS}. */
    @Override
    public long maxReadPeriodNanos() {
        long period = Long.MAX_VALUE;
        for (RaplZone zone : zones) {
            long range = zone.maxEnergyRangeMicrojoules();
            if (range > 0) {
                double seconds = range / 1e6 / PLAUSIBLE_MAX_WATTS / 2;
                period = Math.min(period, (long) (seconds * 1e9));
            }
        }
        return period;
    }

    @Override
    public void close() {
        for (CheckedCounter counter : checked) {
            counter.close();
        }
    }

    /** The zones summed, in read order (cpu zones first). */
    public List<RaplZone> zones() {
        return List.copyOf(zones);
    }
}
