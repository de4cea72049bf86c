package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This virtual machine's energy as the hypervisor measures it: the layout Scaphandre's {@code qemu} exporter writes on
 * the host for each VM ({@code /var/lib/libvirt/scaphandre/<vm>/intel-rapl:0/energy_uj}, mounted read-only into the
 * guest, where Scaphandre's own {@code --vm} mode reads it at {@code /var/scaphandre}). Read from Scaphandre's source
 * (src/exporters/qemu.rs, src/sensors/powercap_rapl.rs at 04cc6ec):
 * <ul>
 *   <li>one decimal counter per top-level {@code intel-rapl:N} directory, in microjoules, cumulative, written with
 *       no newline and not atomically (a read may find it empty: that read is skipped);</li>
 *   <li>its value is the VM's share of the host's psys (or packages + dram) energy, by the qemu process's CPU share,
 *       so it covers the VM's memory too: no separate DRAM figure is added;</li>
 *   <li>there is no {@code name} and no {@code max_energy_range_uj}: the u64 counter never wraps, but it restarts at 0
 *       when the host's tmpfs is lost; a lower reading is then taken as a reset (the new value counts, a lower bound).
 *       A {@code max_energy_range_uj} beside it, as other tools write, is honoured as a wrap range.</li>
 * </ul>
 * Scaphandre issue #428 (open) reports that its exporter adds power instead of energy per 5 s step, so the counter
 * grows about 5 times too slowly: the figure is what the host wrote, and the diagnosis says so.
 */
public final class HypervisorSensor implements EnergySensor {

    private final List<CheckedCounter> counters = new ArrayList<>();
    private final List<EnergyChannel> channels;
    private long microjoules;

    private HypervisorSensor(List<Path> files, SysfsReader reader) throws IOException {
        for (Path file : files) {
            CounterFile counter = reader.counter(file);
            // the host rewrites the file in place: an empty or half-written value is skipped, the next read catches up
            counters.add(new CheckedCounter(counter, file, new WrappingCounter(range(file.resolveSibling("max_energy_range_uj"), reader),
                    firstReading(counter)), "hypervisor", file.toString(), "skipped until it can be read again"));
        }
        this.channels = List.of(EnergyChannel.cpu(EnergySource.HYPERVISOR, "hypervisor counter" + (files.size() == 1 ? " " : "s ")
                + files + " (the VM's share of the host's energy, memory included, as Scaphandre's qemu exporter writes it)"));
    }

    /**
     * The sensor when {@code root} holds a readable counter, else empty. Never throws.
     *
     * @param root the mount point ({@code greentrain.hypervisor.root})
     */
    public static Optional<HypervisorSensor> open(Path root, SysfsReader reader) {
        if (root == null || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(root, "intel-rapl:*")) {
            for (Path zone : zones) {
                String name = zone.getFileName().toString();
                // top-level zones only: intel-rapl:0, not the (empty) intel-rapl:0:0 Scaphandre creates for its regex
                if (name.indexOf(':') == name.lastIndexOf(':') && Files.isRegularFile(zone.resolve("energy_uj"))) {
                    files.add(zone.resolve("energy_uj"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        files.sort(null);
        try {
            return Optional.of(new HypervisorSensor(files, reader));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The host rewrites the file in place (truncate, then write), so a read can find it empty: try a few times over
     * about 100 ms before giving up on the mount.
     */
    private static long firstReading(CounterFile counter) throws IOException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return counter.read();
            } catch (IOException | RuntimeException e) {
                last = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("counter unreadable after retries: " + (last == null ? "interrupted" : last.getMessage()));
    }

    private static long range(Path file, SysfsReader reader) {
        try {
            return Files.isRegularFile(file) ? reader.readLong(file) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        for (CheckedCounter counter : counters) {
            microjoules += counter.delta(frame);
        }
        frame.setHostJoules(firstChannel, microjoules / 1e6);
    }

    @Override
    public void close() {
        for (CheckedCounter counter : counters) {
            counter.close();
        }
    }
}
