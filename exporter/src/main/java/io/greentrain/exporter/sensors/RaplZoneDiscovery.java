package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the powercap RAPL zones of this host and chooses the ones to sum.
 *
 * <p>Where zones are looked for: each root (by default {@code /sys/class/powercap} and
 * {@code /sys/devices/virtual/powercap}; {@code greentrain.rapl.root} replaces both) is searched for zone
 * directories ({@code intel-rapl:N}, {@code intel-rapl:N:M}, {@code intel-rapl-mmio:N}), flat or nested in
 * their parent or in the control-type directories ({@code intel-rapl/}, {@code intel-rapl-mmio/}) as the
 * kernel shows them. A zone seen several times (flat link and nested directory) is one zone: zones are
 * keyed by directory name.
 *
 * <p>Which zones are summed, so that no joule is counted twice:
 * <ul>
 *   <li>CPU: the top-level {@code package-*} zones of every socket. {@code psys} (the whole SoC
 *       platform) only when there is no package zone, because it contains the packages. {@code core}
 *       and {@code uncore} sub-zones never: they are parts of their package.</li>
 *   <li>DRAM: the {@code dram} sub-zones of the chosen packages (and top-level {@code dram} zones
 *       some platforms show). None when {@code psys} is used: the platform figure already includes it.</li>
 *   <li>A zone exposed through both the MSR ({@code intel-rapl}) and MMIO ({@code intel-rapl-mmio})
 *       interfaces has the same name there and is one meter: the MSR one is used when readable, since
 *       the {@code dram} sub-zones hang off it, else the MMIO one.</li>
 *   <li>Multi-die AMD parts (Threadripper, EPYC Zen 1/2) show one package zone per die, but every die
 *       mirrors the same socket counter (codecarbon #1274 counted them twice). Package zones whose
 *       counters show the same non-zero value in the same read are one counter: the first is kept.
 *       Distinct counters agreeing to the microjoule at one instant does not happen in practice.</li>
 * </ul>
 *
 * <p>Readability: every chosen zone's {@code energy_uj} is read once. If any cannot be read (root-only
 * since Linux 5.10, CVE-2020-8694), RAPL is not used at all rather than summing some sockets, and the
 * selection carries the exact fix.
 */
public final class RaplZoneDiscovery {

    /** Searched when {@code greentrain.rapl.root} is empty. */
    public static final List<Path> DEFAULT_ROOTS = List.of(Paths.get("/sys/class/powercap"),
            Paths.get("/sys/devices/virtual/powercap"));

    private static final Pattern ZONE = Pattern.compile("(intel-rapl(?:-mmio)?):(\\d+)(?::(\\d+))?");
    private static final int MAX_DEPTH = 4;

    private final List<Path> roots;
    private final SysfsReader reader;

    public RaplZoneDiscovery(List<Path> roots, SysfsReader reader) {
        Objects.requireNonNull(roots, "roots");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one powercap root is needed, got []");
        }
        this.roots = List.copyOf(roots);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Every zone under the roots, each once, sorted by id. Unreadable {@code name} files skip the zone. */
    public List<RaplZone> findZones() {
        Map<String, RaplZone> zones = new LinkedHashMap<>();
        for (Path root : roots) {
            walk(root, 0, zones);
        }
        List<RaplZone> sorted = new ArrayList<>(zones.values());
        sorted.sort(Comparator.comparing(RaplZone::controlType).thenComparing(z -> zoneOrder(z.id())));
        return sorted;
    }

    /** Chooses the zones to sum (see the class comment) and probes that they can be read. */
    public RaplSelection select() {
        List<RaplZone> zones = findZones();
        List<String> notes = new ArrayList<>();
        if (zones.isEmpty()) {
            return absent(notes, "no powercap RAPL zones under " + describeRoots() + " (" + io.greentrain.config.Options.RAPL_ROOT.key() + ")");
        }
        Map<String, RaplZone> byId = new LinkedHashMap<>();
        for (RaplZone zone : zones) {
            byId.put(zone.id(), zone);
        }
        List<RaplZone> chosen = withoutInterfaceDuplicates(zones, byId, notes);

        List<RaplZone> packages = new ArrayList<>();
        List<RaplZone> psys = new ArrayList<>();
        for (RaplZone zone : chosen) {
            if (zone.isPackage()) {
                packages.add(zone);
            } else if (zone.isPsys()) {
                psys.add(zone);
            }
        }
        List<RaplZone> cpu;
        boolean dramInsideCpu = false;
        if (!packages.isEmpty()) {
            cpu = packages;
            for (RaplZone zone : psys) {
                notes.add("left out " + zone + ": the platform zone contains the packages");
            }
        } else if (!psys.isEmpty()) {
            cpu = psys.subList(0, 1);
            dramInsideCpu = true;
        } else {
            return absent(notes, "powercap zones " + zones + " under " + describeRoots() + " have no package or psys zone");
        }

        Map<RaplZone, Long> readings = new LinkedHashMap<>();
        RaplSelection unreadable = probe(cpu, readings, notes);
        if (unreadable != null) {
            return unreadable;
        }
        cpu = withoutMirrors(cpu, readings, notes);

        List<RaplZone> dram = new ArrayList<>();
        for (RaplZone zone : chosen) {
            boolean underChosenPackage = zone.parentId() != null && containsId(cpu, zone.parentId());
            if (zone.isDram() && !dramInsideCpu && (underChosenPackage || zone.isTopLevel())) {
                dram.add(zone);
            } else if (!cpu.contains(zone) && !psys.contains(zone) && !packages.contains(zone)) {
                String why = zone.isDram() ? "inside the platform zone or a left-out package" : "part of its package";
                notes.add("left out " + zone + ": " + why);
            }
        }
        unreadable = probe(dram, readings, notes);
        if (unreadable != null) {
            return unreadable;
        }
        return new RaplSelection(roots, cpu, dram, dramInsideCpu, notes, null, null, null);
    }

    private void walk(Path directory, int depth, Map<String, RaplZone> zones) {
        if (depth > MAX_DEPTH || !Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                Matcher matcher = ZONE.matcher(fileName);
                if (matcher.matches() && Files.isDirectory(entry)) {
                    if (!zones.containsKey(fileName)) {
                        RaplZone zone = readZone(entry, matcher);
                        if (zone != null) {
                            zones.put(fileName, zone);
                        }
                    }
                    walk(entry, depth + 1, zones);
                } else if ((fileName.equals("intel-rapl") || fileName.equals("intel-rapl-mmio")) && Files.isDirectory(entry)) {
                    walk(entry, depth + 1, zones);
                }
                // anything else (subsystem, device, power links) is not followed: sysfs links loop back
            }
        } catch (IOException | RuntimeException e) {
            // an unlistable directory hides its zones; the other roots may still show them
        }
    }

    private RaplZone readZone(Path directory, Matcher matcher) {
        String name;
        try {
            name = reader.readLine(directory.resolve("name")).trim();
        } catch (IOException e) {
            return null;
        }
        if (name.isEmpty()) {
            return null;
        }
        long maxRange;
        try {
            maxRange = reader.readLong(directory.resolve("max_energy_range_uj"));
        } catch (IOException e) {
            maxRange = -1;
        }
        String parent = matcher.group(3) == null ? null : matcher.group(1) + ":" + matcher.group(2);
        return new RaplZone(matcher.group(0), matcher.group(1), parent, name, directory, maxRange);
    }

    /** Keeps one zone per logical name (package-0, package-0/dram ...) across the MSR and MMIO interfaces. */
    private List<RaplZone> withoutInterfaceDuplicates(List<RaplZone> zones, Map<String, RaplZone> byId, List<String> notes) {
        Map<String, RaplZone> byLogicalName = new LinkedHashMap<>();
        for (RaplZone zone : zones) {
            String logical = logicalName(zone, byId);
            RaplZone existing = byLogicalName.get(logical);
            if (existing == null) {
                byLogicalName.put(logical, zone);
                continue;
            }
            RaplZone msr = existing.isMmio() ? zone : existing;
            RaplZone mmio = existing.isMmio() ? existing : zone;
            if (msr.isMmio() == mmio.isMmio()) {
                notes.add("left out " + zone + ": same name as " + existing);
                continue;
            }
            boolean useMmio = !readable(msr) && readable(mmio);
            RaplZone keep = useMmio ? mmio : msr;
            RaplZone drop = useMmio ? msr : mmio;
            byLogicalName.put(logical, keep);
            notes.add("left out " + drop + ": the same meter as " + keep + " through the "
                    + (drop.isMmio() ? "MMIO" : "MSR") + " interface");
        }
        return new ArrayList<>(byLogicalName.values());
    }

    private static String logicalName(RaplZone zone, Map<String, RaplZone> byId) {
        if (zone.isTopLevel()) {
            return zone.name();
        }
        RaplZone parent = byId.get(zone.parentId());
        return (parent == null ? zone.parentId() : parent.name()) + "/" + zone.name();
    }

    /** Reads every zone once; returns the unusable selection on the first failure, else null. */
    private RaplSelection probe(List<RaplZone> zones, Map<RaplZone, Long> readings, List<String> notes) {
        List<RaplZone> denied = new ArrayList<>();
        RaplZone broken = null;
        IOException brokenCause = null;
        for (RaplZone zone : zones) {
            try {
                readings.put(zone, reader.readLong(zone.energyFile()));
            } catch (AccessDeniedException e) {
                denied.add(zone);
            } catch (IOException e) {
                if (broken == null) {
                    broken = zone;
                    brokenCause = e;
                }
            }
        }
        if (!denied.isEmpty()) {
            return new RaplSelection(roots, List.of(), List.of(), false, notes, RaplSelection.PERMISSION_DENIED,
                    "RAPL energy counters are not readable by this user (energy_uj is root-only since Linux 5.10, "
                            + "CVE-2020-8694): " + files(denied), permissionFix(denied));
        }
        if (broken != null) {
            return new RaplSelection(roots, List.of(), List.of(), false, notes, RaplSelection.UNREADABLE,
                    "RAPL energy counter " + broken.energyFile() + " cannot be read: " + brokenCause.getClass().getSimpleName()
                            + (brokenCause.getMessage() == null ? "" : " " + brokenCause.getMessage()),
                    "check the powercap driver (dmesg | grep -i rapl) and that " + broken.energyFile()
                            + " is a readable counter file; set greentrain.rapl.root if the powercap tree lives elsewhere");
        }
        return null;
    }

    /**
     * Drops package zones that mirror another's counter (multi-die AMD). Two extra reads guard against an
     * update landing between the reads of two mirrors in the first round.
     */
    private List<RaplZone> withoutMirrors(List<RaplZone> packages, Map<RaplZone, Long> firstRound, List<String> notes) {
        if (packages.size() < 2) {
            return packages;
        }
        List<Map<RaplZone, Long>> rounds = new ArrayList<>();
        rounds.add(firstRound);
        for (int round = 0; round < 2; round++) {
            Map<RaplZone, Long> values = new LinkedHashMap<>();
            for (RaplZone zone : packages) {
                try {
                    values.put(zone, reader.readLong(zone.energyFile()));
                } catch (IOException e) {
                    // readable a moment ago; a transient failure just gives this round less evidence
                }
            }
            rounds.add(values);
        }
        List<RaplZone> kept = new ArrayList<>();
        for (RaplZone zone : packages) {
            RaplZone mirrorOf = null;
            for (RaplZone earlier : kept) {
                if (sameCounter(earlier, zone, rounds)) {
                    mirrorOf = earlier;
                    break;
                }
            }
            if (mirrorOf == null) {
                kept.add(zone);
            } else {
                notes.add("left out " + zone + ": mirrors the counter of " + mirrorOf
                        + " (one socket counter shown per die), counted once");
            }
        }
        return kept;
    }

    private static boolean sameCounter(RaplZone a, RaplZone b, List<Map<RaplZone, Long>> rounds) {
        for (Map<RaplZone, Long> round : rounds) {
            Long va = round.get(a);
            Long vb = round.get(b);
            if (va != null && va > 0 && va.equals(vb)) {
                return true;
            }
        }
        return false;
    }

    private boolean readable(RaplZone zone) {
        try {
            reader.readLong(zone.energyFile());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private RaplSelection absent(List<String> notes, String problem) {
        return new RaplSelection(roots, List.of(), List.of(), false, notes, RaplSelection.ABSENT, problem,
                "on bare-metal Linux load the powercap RAPL driver: sudo modprobe intel_rapl_msr (Intel, and AMD Zen on "
                        + "recent kernels); in a container, mount the host's tree: -v /sys/class/powercap:/sys/class/powercap:ro; "
                        + "virtual machines and most cloud instances expose no RAPL: set greentrain.estimate.cpu.watts to the "
                        + "TDP of your CPU share for a closer estimate");
    }

    private static String permissionFix(List<RaplZone> denied) {
        return "one of: (1) until reboot: sudo chmod a+r " + files(denied)
                + " ; (2) permanently, a udev rule in /etc/udev/rules.d/90-greentrain-rapl.rules: "
                + "ACTION==\"add|change\", SUBSYSTEM==\"powercap\", KERNEL==\"intel-rapl:*\", RUN+=\"/bin/chmod a+r %S%p/energy_uj\" "
                + "then sudo udevadm trigger --subsystem-match=powercap ; (3) in a container: add the capability "
                + "(docker run --cap-add=DAC_READ_SEARCH, Kubernetes securityContext.capabilities.add: [\"DAC_READ_SEARCH\"]) "
                + "and run as root in the container. Note: readable counters let local users run the PLATYPUS power "
                + "side channel (CVE-2020-8694); use chgrp + chmod g+r for a trusted group instead of a+r where that matters";
    }

    private static String files(List<RaplZone> zones) {
        StringBuilder text = new StringBuilder();
        for (RaplZone zone : zones) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(zone.energyFile());
        }
        return text.toString();
    }

    private String describeRoots() {
        return roots.toString();
    }

    private static boolean containsId(List<RaplZone> zones, String id) {
        for (RaplZone zone : zones) {
            if (zone.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** intel-rapl:10 after intel-rapl:9; sub-zones right after their parent. */
    private static String zoneOrder(String id) {
        StringBuilder key = new StringBuilder();
        for (String part : id.substring(id.indexOf(':') + 1).split(":")) {
            key.append(String.format("%06d", Integer.parseInt(part)));
        }
        return key.toString();
    }
}
