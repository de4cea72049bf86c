package io.greentrain.examples.tradeoff;

import java.util.concurrent.Callable;

/** Runs one phase of the study and says what it cost. */
public interface EnergyMeter {

    /** A phase's result and its cost. */
    final class Metered<T> {
        private final T value;
        private final PhaseEnergy energy;

        public Metered(T value, PhaseEnergy energy) {
            this.value = value;
            this.energy = energy;
        }

        public T value() {
            return value;
        }

        public PhaseEnergy energy() {
            return energy;
        }
    }

    /**
     * Runs {@code work} and charges it the records of the calls it made.
     *
     * @param expectedLibrary the library whose record should appear ({@code dl4j}, {@code smile}, {@code tribuo},
     *                        {@code subset}), so the meter knows what to wait for; null if none is certain
     */
    <T> Metered<T> measure(String expectedLibrary, Callable<T> work) throws Exception;

    /** Problems worth a line in the report (records that never came, unreadable lines); empty if none. */
    default String problems() {
        return "";
    }
}
