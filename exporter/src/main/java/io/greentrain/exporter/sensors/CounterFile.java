package io.greentrain.exporter.sensors;

import java.io.IOException;

/** One counter file ({@code energy_uj}, {@code /proc/stat}'s first line ...) read again and again. */
@FunctionalInterface
public interface CounterFile extends AutoCloseable {

    /** The current value; see {@link SysfsReader#readLong} for the exceptions. */
    long read() throws IOException;

    /** Releases a kept-open file. Never throws. */
    @Override
    default void close() {
    }
}
