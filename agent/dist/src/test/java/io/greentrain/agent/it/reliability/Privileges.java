package io.greentrain.agent.it.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * File-permission faults as a CI runner sees them. Root ignores file modes (CAP_DAC_OVERRIDE), so when the tests
 * run as root the forked job is started through {@code setpriv} without the two capabilities that bypass file
 * permissions: then a mode-0555 directory is read-only for it exactly as for an ordinary user.
 */
final class Privileges {

    private Privileges() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Command prefix that makes file modes apply to the forked job (empty when not root). */
    static List<String> obeyFileModes() {
        if (!isRoot()) {
            return List.of();
        }
        return List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--");
    }

    /**
     * Mounts a tmpfs of {@code kib} KiB on the directory (root only); false when that is not possible here.
     * Unmount with {@link #unmount}.
     */
    static boolean mountSmallTmpfs(Path dir, int kib) {
        if (!isRoot()) {
            return false;
        }
        return run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0777", "tmpfs", dir.toString());
    }

    static void unmount(Path dir) {
        run("umount", dir.toString());
    }

    /** {@code prlimit --fsize=<bytes> --}: writes past that size fail with EFBIG (the JVM ignores SIGXFSZ). */
    static List<String> fileSizeLimit(long bytes) {
        return List.of("prlimit", "--fsize=" + bytes, "--");
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path path(String first, String... more) {
        return Paths.get(first, more);
    }
}
