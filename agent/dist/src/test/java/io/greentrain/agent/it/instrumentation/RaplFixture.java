package io.greentrain.agent.it.instrumentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A fixture powercap tree ({@code greentrain.rapl.root}) laid out as the kernel shows it: {@code intel-rapl:0}
 * (package-0) with its {@code dram} sub-zone nested inside and linked flat at the root. While running, a "hardware"
 * thread advances the counters like a 20 W package and a 2 W DRAM would; counters are replaced atomically, since a
 * sysfs read never sees half a number.
 */
final class RaplFixture implements AutoCloseable {

    private static final long RANGE = 262_143_328_850L; // a real max_energy_range_uj

    private final Path root;
    private final Path packageZone;
    private final Path dramZone;
    private final Thread hardware;
    private volatile boolean running = true;
    private long packageMicrojoules = 1_000_000_000L;
    private long dramMicrojoules = 50_000_000L;

    private RaplFixture(Path root) throws IOException {
        this.root = root;
        packageZone = Files.createDirectories(root.resolve("intel-rapl:0"));
        dramZone = Files.createDirectories(packageZone.resolve("intel-rapl:0:0"));
        Files.createSymbolicLink(root.resolve("intel-rapl:0:0"), dramZone);
        write(packageZone, "name", "package-0");
        write(dramZone, "name", "dram");
        write(packageZone, "max_energy_range_uj", Long.toString(RANGE));
        write(dramZone, "max_energy_range_uj", Long.toString(RANGE));
        advance(0, 0);
        hardware = new Thread(() -> {
            while (running) {
                advance(100_000, 10_000); // every 5 ms: 20 W package, 2 W DRAM
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fixture-rapl-hardware");
        hardware.setDaemon(true);
    }

    static RaplFixture start(Path root) throws IOException {
        RaplFixture fixture = new RaplFixture(Files.createDirectories(root));
        fixture.hardware.start();
        return fixture;
    }

    Path root() {
        return root;
    }

    private synchronized void advance(long packageDelta, long dramDelta) {
        packageMicrojoules += packageDelta;
        dramMicrojoules += dramDelta;
        try {
            replace(packageZone, "energy_uj", Long.toString(packageMicrojoules));
            replace(dramZone, "energy_uj", Long.toString(dramMicrojoules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path zone, String file, String value) throws IOException {
        Files.write(zone.resolve(file), (value + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void replace(Path zone, String file, String value) throws IOException {
        Path temp = Files.createTempFile(zone, ".energy", ".tmp");
        Files.write(temp, (value + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.move(temp, zone.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        hardware.join(5_000);
    }
}
