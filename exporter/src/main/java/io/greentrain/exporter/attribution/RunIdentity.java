package io.greentrain.exporter.attribution;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.UUID;

/** Who produced a call record: one random run id per JVM, the pid and the host name. */
public final class RunIdentity {

    private static final String RUN_ID = UUID.randomUUID().toString();

    private final String runId;
    private final long pid;
    private final String host;

    public RunIdentity(String runId, long pid, String host) {
        this.runId = Objects.requireNonNull(runId, "runId");
        if (runId.isEmpty()) {
            throw new IllegalArgumentException("run id must not be empty: ''");
        }
        this.pid = pid;
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * This JVM. The host name comes from the kernel ({@code /proc/sys/kernel/hostname}, {@code /etc/hostname})
     * before {@link InetAddress#getLocalHost()}, which can block on DNS.
     */
    public static RunIdentity ofThisJvm() {
        return new RunIdentity(RUN_ID, ProcessHandle.current().pid(), hostName());
    }

    private static String hostName() {
        for (Path file : new Path[] {Paths.get("/proc/sys/kernel/hostname"), Paths.get("/etc/hostname")}) {
            try {
                String name = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (Exception e) {
                // not Linux, or no such file: try the next source
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    public String runId() {
        return runId;
    }

    public long pid() {
        return pid;
    }

    public String host() {
        return host;
    }
}
