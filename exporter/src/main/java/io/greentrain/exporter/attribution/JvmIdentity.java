package io.greentrain.exporter.attribution;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.UUID;

/** Who produced a call record: one random id per JVM, the pid and the host name. */
public final class JvmIdentity {

    private static final String JVM_ID = UUID.randomUUID().toString();

    private final String jvmId;
    private final long pid;
    private final String host;

    public JvmIdentity(String jvmId, long pid, String host) {
        this.jvmId = Objects.requireNonNull(jvmId, "jvmId");
        if (jvmId.isEmpty()) {
            throw new IllegalArgumentException("JVM id must not be empty: ''");
        }
        this.pid = pid;
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * This JVM. The host name comes from the kernel ({@code /proc/sys/kernel/hostname}, {@code /etc/hostname})
     * before {@link InetAddress#getLocalHost()}, which can block on DNS.
     */
    public static JvmIdentity ofThisJvm() {
        return new JvmIdentity(JVM_ID, ProcessHandle.current().pid(), hostName());
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

    public String jvmId() {
        return jvmId;
    }

    public long pid() {
        return pid;
    }

    public String host() {
        return host;
    }
}
