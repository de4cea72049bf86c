package io.greentrain.exporter.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This JVM's entry for Prometheus file-based service discovery: {@code <dir>/greentrain-<host>-<pid>.json} holding one
 * target group, {@code [{"targets": ["address:port"], "labels": {...}}]}. Written to a temporary file and moved into
 * place, because Prometheus watches the directory and would otherwise read a half-written file; removed by
 * {@link #close}. A JVM killed with SIGKILL cannot remove its file, so every start also removes the files of this
 * host's JVMs whose pid is no longer alive.
 */
public final class DiscoveryTarget implements AutoCloseable {

    private static final Pattern FILE_NAME = Pattern.compile("greentrain-(.+)-(\\d+)\\.json");

    private final Path file;

    private DiscoveryTarget(Path file) {
        this.file = file;
    }

    /** Announces {@code port}, or returns null: discovery is off, or the directory cannot be written (one warning). */
    public static DiscoveryTarget announce(GreenTrainConfig config, int port, JvmIdentity identity) {
        String hostName = identity.host();
        long pid = identity.pid();
        String dir = config.get(Options.DISCOVERY_DIR);
        if (dir.isEmpty() || port < 0) {
            return null;
        }
        Path directory = Paths.get(dir);
        if (!Files.isDirectory(directory)) {
            AgentLog.problem("discovery", "directory_missing", "no discovery target written: " + Options.DISCOVERY_DIR.key()
                    + "='" + dir + "' is not a directory");
            return null;
        }
        removeDeadTargets(directory, identity.hostInFileName());
        Path file = directory.resolve("greentrain-" + identity.hostInFileName() + "-" + pid + ".json");
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("targets", List.of(address(config, hostName) + ":" + port));
        Map<String, String> labels = new LinkedHashMap<>();
        if (!config.get(Options.PROMETHEUS_TLS_KEYSTORE).isEmpty()) {
            labels.put("__scheme__", "https"); // the endpoint serves HTTPS only when a keystore is set
        }
        group.put("labels", labels);
        Path temporary = directory.resolve(".greentrain-" + identity.hostInFileName() + "-" + pid + ".json.tmp");
        try {
            // Prometheus reads only *.json (as configured): the dot file is never read half-written
            // a mapper made here, not in a static field: the class loads in every JVM whose endpoint starts, and Jackson's
            // databind (some 400 classes) is then paid only where discovery is on
            new ObjectMapper().writeValue(temporary.toFile(), List.of(group));
            move(temporary, file);
            AgentLog.info("discovery target " + file);
            return new DiscoveryTarget(file);
        } catch (IOException | RuntimeException e) {
            AgentLog.problem("discovery", "write_failed", "no discovery target written to " + dir + " (" + Options.DISCOVERY_DIR.key()
                    + "): " + e.getClass().getSimpleName() + ": " + e.getMessage());
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return null;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The configured address; else the bind address when it names one interface; else the host name. */
    static String address(GreenTrainConfig config, String hostName) {
        String configured = config.get(Options.DISCOVERY_ADDRESS);
        if (!configured.isEmpty()) {
            // a host or IP only: the file's target is address:port, so a scheme, path or port here would break the scrape
            if (configured.matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]")) {
                return configured;
            }
            AgentLog.problem("discovery", "bad_address", "invalid " + Options.DISCOVERY_ADDRESS.key() + "='" + configured
                    + "': a host name or IP address without scheme, port or path (IPv6 in brackets) is allowed; announcing "
                    + "the default address instead");
        }
        String bind = config.get(Options.PROMETHEUS_HOST);
        boolean wildcard = bind.isEmpty() || bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        return wildcard ? hostName : bind;
    }

    /** Files of this host's JVMs that died without removing them (SIGKILL, OOM killer); {@code host} as in file names. */
    static void removeDeadTargets(Path directory, String host) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "greentrain-*.json")) {
            for (Path f : files) {
                Matcher m = FILE_NAME.matcher(f.getFileName().toString());
                if (m.matches() && m.group(1).equals(host) && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            AgentLog.debug("discovery: stale targets not checked: " + e);
        }
    }


    public Path file() {
        return file;
    }

    /** Removes the target: Prometheus drops it at its next look at the directory. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            AgentLog.problem("discovery", "remove_failed", "discovery target " + file + " not removed: " + e.getMessage());
        }
    }
}
