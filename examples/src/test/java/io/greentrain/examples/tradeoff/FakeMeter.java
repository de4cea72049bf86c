package io.greentrain.examples.tradeoff;

import java.util.List;
import java.util.concurrent.Callable;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;

/** A stand-in for the agent: every phase costs 10 W over its wall time, 400 g/kWh, source "test". */
final class FakeMeter implements EnergyMeter {

    int phases;

    @Override
    public <T> Metered<T> measure(String expectedLibrary, Callable<T> work) throws Exception {
        phases++;
        long t0 = System.currentTimeMillis();
        long n0 = System.nanoTime();
        T value = work.call();
        double seconds = (System.nanoTime() - n0) / 1e9;
        double joules = 10 * seconds + 0.01;
        CallRecord r = new CallRecord("jvm-1", 1, "host", "main", expectedLibrary, "M", "fit", "success", "", t0,
                System.currentTimeMillis(), seconds, 1, 1, List.of(new ComponentEnergy("cpu", "test", joules * 0.8),
                        new ComponentEnergy("dram", "test", joules * 0.2)), "", "",
                new CarbonFigures("TEST", 400, "config", 1.0, joules / 3.6e6 * 400));
        return new Metered<>(value, new PhaseEnergy(seconds, List.of(r)));
    }
}
