package io.greentrain.exporter.attribution;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import io.greentrain.exporter.records.SparkApp;
import io.greentrain.exporter.sensors.ContainerId;

/** Who produced a call record: one random id per JVM, the pid, the host name, in Spark the application, in a container its id. */
public final class JvmIdentity {

    private static final String JVM_ID = randomJvmId();
    /** Retried at most once a second until complete: a driver learns its application id when its SparkContext starts. */
    private static final Supplier<SparkApp> SPARK_APP = SparkAppDetection.ofThisJvm(1_000);
    /** Read once: a process does not change containers. */
    private static final String CONTAINER_ID = ContainerId.ofThisProcess();

    private final String jvmId;
    private final long pid;
    private final String host;
    private final Supplier<SparkApp> sparkApp;
    private final String containerId;

    public JvmIdentity(String jvmId, long pid, String host) {
        this(jvmId, pid, host, () -> SparkApp.NONE);
    }

    public JvmIdentity(String jvmId, long pid, String host, Supplier<SparkApp> sparkApp) {
        this(jvmId, pid, host, sparkApp, "");
    }

    /**
     * @param sparkApp    this JVM's Spark application as far as known when asked (see {@link SparkAppDetection})
     * @param containerId the short id of the container this JVM runs in ({@link ContainerId}), "" outside one
     */
    public JvmIdentity(String jvmId, long pid, String host, Supplier<SparkApp> sparkApp, String containerId) {
        this.jvmId = Objects.requireNonNull(jvmId, "jvmId");
        if (jvmId.isEmpty()) {
            throw new IllegalArgumentException("JVM id must not be empty: ''");
        }
        this.pid = pid;
        this.host = Objects.requireNonNull(host, "host");
        this.sparkApp = Objects.requireNonNull(sparkApp, "sparkApp");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
    }

    /**
     * This JVM. The host name comes from the kernel ({@code /proc/sys/kernel/hostname}, {@code /etc/hostname})
     * before {@link InetAddress#getLocalHost()}, which can block on DNS.
     */
    public static JvmIdentity ofThisJvm() {
        return new JvmIdentity(JVM_ID, ProcessHandle.current().pid(), hostName(), SPARK_APP, CONTAINER_ID);
    }

    /**
     * A version-4 UUID drawn from {@link SplittableRandom} seeded with both clocks and the pid, not from
     * {@code UUID.randomUUID()}: its {@code SecureRandom} costs some 30 ms of class loading and seeding in every JVM that
     * trains, and the id needs to be unique across a fleet, not unpredictable.
     */
    static String randomJvmId() {
        long seed = System.nanoTime() * 0x9E3779B97F4A7C15L ^ System.currentTimeMillis() ^ (ProcessHandle.current().pid() << 40);
        SplittableRandom random = new SplittableRandom(seed);
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
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

    /**
     * The host name as part of a file name ({@code records.file}'s {@code {host}}, discovery target files): anything
     * but letters, digits, '.', '_' and '-' becomes '_', so a name can neither leave the directory nor break a glob.
     */
    public String hostInFileName() {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The 12-hex id of this JVM's container, "" outside one (records' {@code container_id}, the metrics' common tag). */
    public String containerId() {
        return containerId;
    }

    /** The Spark application as far as known now; {@link SparkApp#NONE} outside Spark. */
    public SparkApp sparkApp() {
        return sparkApp.get();
    }
}
