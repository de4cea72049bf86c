package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a guest can see of its processor without the network, for the estimate on CPUs whose name says nothing
 * ("Intel(R) Xeon(R) Processor", "AMD EPYC", "Common KVM processor"): the CPUID vendor, family, model and stepping and
 * the feature flags that {@code /proc/cpuinfo} prints (x86), the implementer and part (ARM), whether a hypervisor
 * flag is set, and the DMI {@code sys_vendor}/{@code product_name} of {@code /sys/class/dmi/id} (a cloud's instance
 * family). Read once; unreadable parts stay empty.
 */
public final class CpuId {

    private static final Path CPUINFO = Paths.get("/proc/cpuinfo");
    private static final Path DMI = Paths.get("/sys/class/dmi/id");

    final String vendor;
    final int family;
    final int model;
    final int stepping;
    final Set<String> flags;
    /** ARM: {@code CPU implementer} and {@code CPU part}, e.g. 0x41 and 0xd0c (Neoverse N1); -1 when absent. */
    final int armImplementer;
    final int armPart;
    final String dmiVendor;
    final String dmiProduct;

    CpuId(String vendor, int family, int model, int stepping, Set<String> flags, int armImplementer, int armPart, String dmiVendor,
          String dmiProduct) {
        this.vendor = vendor;
        this.family = family;
        this.model = model;
        this.stepping = stepping;
        this.flags = Collections.unmodifiableSet(flags);
        this.armImplementer = armImplementer;
        this.armPart = armPart;
        this.dmiVendor = dmiVendor;
        this.dmiProduct = dmiProduct;
    }

    /** What nothing could be read of. */
    static final CpuId UNKNOWN = new CpuId("", -1, -1, -1, Set.of(), -1, -1, "", "");

    /** From this machine. Never throws. */
    public static CpuId detect() {
        try {
            return parse(Files.readAllLines(CPUINFO, StandardCharsets.UTF_8), read(DMI.resolve("sys_vendor")), read(DMI.resolve("product_name")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The first processor's entries of a {@code /proc/cpuinfo} text, and the DMI strings. */
    static CpuId parse(List<String> cpuinfo, String dmiVendor, String dmiProduct) {
        String vendor = "";
        int family = -1;
        int model = -1;
        int stepping = -1;
        int implementer = -1;
        int part = -1;
        Set<String> flags = new HashSet<>();
        int processors = 0;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor") && ++processors > 1) {
                break; // every processor of a machine repeats the same identity
            }
            switch (key) {
                case "vendor_id":
                    vendor = value;
                    break;
                case "cpu family":
                    family = number(value);
                    break;
                case "model":
                    model = number(value);
                    break;
                case "stepping":
                    stepping = number(value);
                    break;
                case "flags":
                case "Features":
                    flags.addAll(Arrays.asList(value.toLowerCase(Locale.ROOT).split("\\s+")));
                    break;
                case "CPU implementer":
                    implementer = number(value);
                    break;
                case "CPU part":
                    part = number(value);
                    break;
                default:
                    break;
            }
        }
        return new CpuId(vendor, family, model, stepping, flags, implementer, part, dmiVendor.trim(), dmiProduct.trim());
    }

    /** Whether the CPUID hypervisor bit is set: a virtual machine, whose vCPUs are a share of a physical socket. */
    boolean virtualMachine() {
        return flags.contains("hypervisor");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!vendor.isEmpty()) {
            text.append(vendor).append(" family ").append(family).append(" model ").append(model).append(" stepping ").append(stepping);
        } else if (armImplementer >= 0) {
            text.append(String.format(Locale.ROOT, "ARM implementer 0x%x part 0x%x", armImplementer, armPart));
        } else {
            text.append("CPUID unknown");
        }
        if (virtualMachine()) {
            text.append(", hypervisor");
        }
        if (!dmiVendor.isEmpty() || !dmiProduct.isEmpty()) {
            text.append(", DMI '").append(dmiVendor).append("' '").append(dmiProduct).append('\'');
        }
        return text.toString();
    }

    private static int number(String value) {
        try {
            return value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
