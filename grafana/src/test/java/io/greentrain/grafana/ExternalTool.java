package io.greentrain.grafana;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds promtool and prometheus (Debian package {@code prometheus}). A missing tool FAILS the test: CI
 * installs the package in .ci/run. Only a developer who sets GREENTRAIN_SKIP_PROMETHEUS_TESTS=true gets a
 * skip instead.
 */
final class ExternalTool {

    static final String OPT_OUT = "GREENTRAIN_SKIP_PROMETHEUS_TESTS";

    private ExternalTool() {
    }

    static Path require(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/local/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = name + " not found on PATH or in /usr/bin. Install the Debian package 'prometheus' "
                + "(apt-get install -y prometheus; CI's .ci/run does), or set " + OPT_OUT + "=true to skip "
                + "the Prometheus tests on a developer machine.";
        Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv(OPT_OUT)), message);
        return Assertions.fail(message);
    }
}
