package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The host's CPU as the power estimate needs it: marketing name, sockets and logical CPUs (hardware threads). */
public final class CpuModel {

    private static final Path CPUINFO = Paths.get("/proc/cpuinfo");

    private final String name;
    private final int sockets;
    private final int logicalCpus;

    public CpuModel(String name, int sockets, int logicalCpus) {
        this.name = Objects.requireNonNull(name, "name");
        if (sockets < 1) {
            throw new IllegalArgumentException("sockets must be >= 1: " + sockets);
        }
        if (logicalCpus < 1) {
            throw new IllegalArgumentException("logical CPUs must be >= 1: " + logicalCpus);
        }
        this.sockets = sockets;
        this.logicalCpus = logicalCpus;
    }

    /** From /proc/cpuinfo on Linux (host-wide, not the container's CPU quota), else OSHI, else the JVM. */
    public static CpuModel detect() {
        try {
            return fromCpuinfo(Files.readAllLines(CPUINFO, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return fromOshi();
        }
    }

    static CpuModel fromCpuinfo(List<String> lines) {
        String name = "";
        Set<String> packages = new HashSet<>();
        int processors = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor")) {
                processors++;
            } else if (key.equals("model name") && name.isEmpty()) {
                name = value;
            } else if (key.equals("physical id")) {
                packages.add(value);
            }
        }
        if (processors == 0) {
            throw new IllegalArgumentException("no processor entries in cpuinfo");
        }
        return new CpuModel(name, Math.max(1, packages.size()), processors);
    }

    private static CpuModel fromOshi() {
        try {
            oshi.hardware.CentralProcessor cpu = new oshi.SystemInfo().getHardware().getProcessor();
            return new CpuModel(cpu.getProcessorIdentifier().getName().trim(), Math.max(1, cpu.getPhysicalPackageCount()),
                    Math.max(1, cpu.getLogicalProcessorCount()));
        } catch (Throwable e) {
            return new CpuModel("", 1, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** As the OS reports it, e.g. {@code Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz}; empty when unknown. */
    public String name() {
        return name;
    }

    public int sockets() {
        return sockets;
    }

    public int logicalCpus() {
        return logicalCpus;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "unknown CPU" : name) + " (" + sockets + " socket" + (sockets == 1 ? "" : "s") + ", "
                + logicalCpus + " threads)";
    }
}
