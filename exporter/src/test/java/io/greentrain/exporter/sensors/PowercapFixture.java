package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A powercap tree in a temp directory, laid out as the kernel shows {@code /sys/class/powercap}: zone
 * directories nested in their parents, with flat symlinks next to the top level for sub-zones, and
 * counters a test can advance. Counter files are replaced atomically (write + rename), as a sysfs read
 * never sees half a number.
 */
public final class PowercapFixture {

    private final Path root;
    private final Map<String, Path> zones = new ConcurrentHashMap<>();
    private final Map<String, Long> values = new ConcurrentHashMap<>();
    private final Map<String, Long> ranges = new ConcurrentHashMap<>();

    public PowercapFixture(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Adds a zone. {@code id} like {@code intel-rapl:0:1}: sub-zones are created inside their parent's
     * directory and linked flat at the root, as the kernel does.
     */
    public PowercapFixture zone(String id, String name, long initialMicrojoules, long maxRangeMicrojoules) {
        try {
            Path directory;
            String[] parts = id.split(":");
            if (parts.length == 3) {
                Path parent = zones.get(parts[0] + ":" + parts[1]);
                directory = Files.createDirectories(parent.resolve(id));
                Files.createSymbolicLink(root.resolve(id), directory);
            } else {
                directory = Files.createDirectories(root.resolve(id));
            }
            Files.write(directory.resolve("name"), (name + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.write(directory.resolve("max_energy_range_uj"), (maxRangeMicrojoules + "\n").getBytes(StandardCharsets.US_ASCII));
            zones.put(id, directory);
            ranges.put(id, maxRangeMicrojoules);
            set(id, initialMicrojoules);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard test host: two sockets with dram and core sub-zones, a psys zone and an MMIO duplicate of package-0. */
    public static PowercapFixture twoSockets(Path root, long maxRange) {
        return new PowercapFixture(root)
                .zone("intel-rapl:0", "package-0", 1_000_000, maxRange)
                .zone("intel-rapl:0:0", "dram", 2_000_000, maxRange)
                .zone("intel-rapl:0:1", "core", 3_000_000, maxRange)
                .zone("intel-rapl:1", "package-1", 4_000_000, maxRange)
                .zone("intel-rapl:1:0", "dram", 5_000_000, maxRange)
                .zone("intel-rapl:2", "psys", 6_000_000, maxRange)
                .zone("intel-rapl-mmio:0", "package-0", 7_000_000, maxRange);
    }

    public Path zoneDirectory(String id) {
        return zones.get(id);
    }

    public long value(String id) {
        return values.get(id);
    }

    /** Writes a counter value atomically. */
    public void set(String id, long microjoules) {
        try {
            Path directory = zones.get(id);
            Path temp = Files.createTempFile(directory, ".energy", ".tmp");
            Files.write(temp, (microjoules + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(temp, directory.resolve("energy_uj"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            values.put(id, microjoules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Advances a counter, wrapping through max_energy_range_uj as the hardware does. */
    public void advance(String id, long microjoules) {
        long range = ranges.get(id);
        long next = values.get(id) + microjoules;
        if (next > range) {
            next -= range;
        }
        set(id, next);
    }
}
