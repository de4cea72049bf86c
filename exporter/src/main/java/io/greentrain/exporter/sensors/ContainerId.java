package io.greentrain.exporter.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of the container this JVM runs in, shortened to 12 hex digits as {@code docker ps} and {@code crictl ps}
 * show it; "" outside a container or where nothing names it.
 *
 * <p>Looked for in {@code /proc/self/cgroup} first, where the runtimes name the container's cgroup after it
 * (a cgroup v2 {@code 0::} line, or any v1 line on older hosts):
 * <ul>
 *   <li>Docker: {@code /system.slice/docker-<64hex>.scope} (systemd driver) or {@code /docker/<64hex>} (cgroupfs);</li>
 *   <li>Kubernetes with containerd: {@code .../kubepods-burstable-pod<uid>.slice/cri-containerd-<64hex>.scope}, or
 *       {@code /kubepods/burstable/pod<uid>/<64hex>} with the cgroupfs driver;</li>
 *   <li>CRI-O: {@code crio-<64hex>.scope} (never {@code crio-conmon-<hex>.scope}: that is the monitor process);</li>
 *   <li>Podman: {@code libpod-<64hex>.scope}, or {@code /libpod_parent/libpod-<64hex>}.</li>
 * </ul>
 * With a private cgroup namespace (the default of Docker and Kubernetes on cgroup v2) the line is just {@code 0::/},
 * so {@code /proc/self/mountinfo} is read next: Docker bind-mounts {@code /etc/hostname} and {@code /etc/resolv.conf}
 * from {@code /var/lib/docker/containers/<64hex>/}, Podman from {@code .../overlay-containers/<64hex>/userdata/}.
 * containerd's {@code /etc/hostname} comes from {@code .../sandboxes/<64hex>/}: that is the pod's sandbox, not the
 * container, so it is not taken.
 */
public final class ContainerId {

    /** Short ids as Docker prints them: the first 12 hex digits of the 64. */
    public static final int SHORT_LENGTH = 12;

    private static final Pattern IN_CGROUP = Pattern.compile(
            "(?:docker-|cri-containerd-|crio-|libpod-|/docker/|/kubepods[^:]*/pod[0-9a-f_-]+/)([0-9a-f]{64})(?:\\.scope)?(?:/|$)");
    private static final Pattern IN_MOUNTINFO = Pattern.compile("/(?:docker/containers|overlay-containers)/([0-9a-f]{64})/");

    private ContainerId() {
    }

    /** From this process's {@code /proc/self/cgroup} and {@code /proc/self/mountinfo}; "" when unreadable. Never throws. */
    public static String ofThisProcess() {
        return find(lines(Path.of("/proc/self/cgroup")), lines(Path.of("/proc/self/mountinfo")));
    }

    /** The short id from the two files' lines (cgroup first, see the class comment), or "". */
    public static String find(List<String> cgroupLines, List<String> mountinfoLines) {
        for (String line : cgroupLines) {
            // hierarchy-id:controllers:path; only the path names the container
            int colon = line.indexOf(':', line.indexOf(':') + 1);
            Matcher m = IN_CGROUP.matcher(colon < 0 ? line : line.substring(colon + 1).toLowerCase(Locale.ROOT));
            if (m.find()) {
                return m.group(1).substring(0, SHORT_LENGTH);
            }
        }
        for (String line : mountinfoLines) {
            Matcher m = IN_MOUNTINFO.matcher(line);
            if (m.find()) {
                return m.group(1).substring(0, SHORT_LENGTH);
            }
        }
        return "";
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux, or hidden: no id, nothing to report
        }
    }
}
