package io.greentrain.examples.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the package fetchers share: running a package tool with a timeout, atomic copies, temporary trees. */
final class FetchTools {

    private FetchTools() {
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Paths.get(dir, tool))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code command} in {@code dir}; its output, or a {@link DataUnavailableException} ending in {@code hint}. */
    static String run(Path dir, int timeoutSeconds, String hint, String... command) throws IOException {
        Path output = dir.resolve("command-output.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        String out = Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
        if (!done) {
            p.destroyForcibly();
            throw new DataUnavailableException("`" + String.join(" ", command) + "` did not finish in "
                    + timeoutSeconds + " s:\n" + tail(out) + hint);
        }
        if (p.exitValue() != 0) {
            throw new DataUnavailableException("`" + String.join(" ", command) + "` failed with exit code "
                    + p.exitValue() + ":\n" + tail(out) + hint);
        }
        return out;
    }

    static String tail(String text) {
        String t = text.strip();
        return "    " + (t.length() > 1500 ? "..." + t.substring(t.length() - 1500) : t).replace("\n", "\n    ");
    }

    static void copyInto(Path src, Path dst) {
        try {
            Path part = dst.resolveSibling(dst.getFileName() + ".part");
            Files.copy(src, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataUnavailableException("cannot write " + dst + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
