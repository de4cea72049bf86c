package io.greentrain.agent.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A directory laid out like {@code /sys/class/powercap} (what {@code greentrain.rapl.root} points to), whose
 * counters the test moves while the job runs. Each counter update replaces the file atomically, so the agent
 * never reads half a number.
 */
final class PowercapTree {

    /** 2^32 µJ Intel-style ranges are too short for tests; this is the common 262 kJ one. */
    static final long INTEL_RANGE_UJ = 262_143_328_850L;

    final Path root;

    PowercapTree(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** Adds top-level zone {@code intel-rapl:<n>} named {@code package-<n>} with the counter at {@code microjoules}. */
    Path addPackage(int n, long microjoules, long maxRange) throws IOException {
        Path zone = Files.createDirectories(root.resolve("intel-rapl:" + n));
        Files.writeString(zone.resolve("name"), "package-" + n + "\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), maxRange + "\n");
        set(zone, microjoules);
        return zone;
    }

    static void set(Path zone, long microjoules) throws IOException {
        Path tmp = zone.resolve(".energy_uj.tmp");
        Files.write(tmp, (microjoules + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, zone.resolve("energy_uj"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
