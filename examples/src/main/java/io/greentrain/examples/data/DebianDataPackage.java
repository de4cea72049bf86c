package io.greentrain.examples.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Data files shipped inside a Debian package, fetched without root: {@code apt-get download} then
 * {@code dpkg-deb -x} into a temporary directory; each file is checked against its pinned SHA-256 and copied
 * into {@code <cache>/<package>/}. A package already installed system-wide is used directly when its files match.
 */
public final class DebianDataPackage {

    /** One file of the package: its absolute path once installed, and its pinned SHA-256. */
    public static final class PackagedFile {
        private final String installedPath;
        private final String sha256;

        public PackagedFile(String installedPath, String sha256) {
            this.installedPath = Objects.requireNonNull(installedPath);
            this.sha256 = Objects.requireNonNull(sha256);
        }

        public String installedPath() {
            return installedPath;
        }

        public String sha256() {
            return sha256;
        }

        public String fileName() {
            return Paths.get(installedPath).getFileName().toString();
        }
    }

    private final String packageName;
    private final String description;
    private final List<PackagedFile> files;

    public DebianDataPackage(String packageName, String description, List<PackagedFile> files) {
        this.packageName = Objects.requireNonNull(packageName);
        this.description = Objects.requireNonNull(description);
        this.files = List.copyOf(files);
    }

    public String packageName() {
        return packageName;
    }

    public List<PackagedFile> files() {
        return files;
    }

    /** The verified file in the cache, fetching the package first when needed. */
    public Path file(DataCache cache, String fileName, PrintStream log) {
        Path dir = fetch(cache, log);
        return dir.resolve(fileName);
    }

    /** Makes sure every file is in {@code <cache>/<package>/} with the right checksum; returns that directory. */
    public synchronized Path fetch(DataCache cache, PrintStream log) {
        Path dir = cache.dir(packageName);
        List<PackagedFile> missing = missingFrom(dir);
        if (missing.isEmpty()) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataUnavailableException("cannot create the data cache directory " + dir + ": " + e.getMessage()
                    + "\n  choose another one with --cache-dir or GREENTRAIN_CACHE", e);
        }
        // 1. installed system-wide (apt-get install <package>)
        for (PackagedFile f : missing) {
            Path installed = Paths.get(f.installedPath());
            if (Sha256.matches(installed, f.sha256())) {
                FetchTools.copyInto(installed, dir.resolve(f.fileName()));
            }
        }
        missing = missingFrom(dir);
        if (missing.isEmpty()) {
            return dir;
        }
        // 2. apt-get download + dpkg-deb -x, no root needed
        log.println("Fetching " + description + " (Debian package " + packageName + ") into " + dir + " ...");
        requireTool("apt-get");
        requireTool("dpkg-deb");
        Path work = null;
        try {
            work = Files.createTempDirectory("greentrain-" + packageName);
            String out = run(work, 600, "apt-get", "download", packageName);
            Path deb;
            try (Stream<Path> s = Files.list(work)) {
                deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
            }
            if (deb == null) {
                throw new DataUnavailableException("`apt-get download " + packageName + "` produced no .deb file:\n"
                        + FetchTools.tail(out) + hint());
            }
            Path extracted = work.resolve("x");
            run(work, 300, "dpkg-deb", "-x", deb.toString(), extracted.toString());
            for (PackagedFile f : missing) {
                Path src = extracted.resolve(f.installedPath().substring(1));
                if (!Files.isRegularFile(src)) {
                    throw new DataUnavailableException("the package " + deb.getFileName() + " has no "
                            + f.installedPath() + " (a different package version?)");
                }
                String actual = Sha256.of(src);
                if (!actual.equalsIgnoreCase(f.sha256())) {
                    throw new DataUnavailableException("checksum mismatch for " + f.installedPath() + " from "
                            + deb.getFileName() + ": expected SHA-256 " + f.sha256() + ", got " + actual
                            + " (a different package version?)");
                }
                FetchTools.copyInto(src, dir.resolve(f.fileName()));
            }
            log.println("Fetched and verified " + missing.size() + " file(s) of " + packageName + ".");
            return dir;
        } catch (IOException e) {
            throw new DataUnavailableException("fetching " + packageName + " failed: " + e.getMessage() + hint(), e);
        } finally {
            if (work != null) {
                FetchTools.deleteTree(work);
            }
        }
    }

    private List<PackagedFile> missingFrom(Path dir) {
        List<PackagedFile> missing = new ArrayList<>();
        for (PackagedFile f : files) {
            if (!Sha256.matches(dir.resolve(f.fileName()), f.sha256())) {
                missing.add(f);
            }
        }
        return missing;
    }

    private String hint() {
        return "\n  To fix: make sure the Debian package index is current (as root: `apt-get update`), then run again;"
                + "\n  or install the package (`sudo apt-get install " + packageName + "`);"
                + "\n  or copy the files " + fileNames() + " from a machine that has them into the cache directory"
                + " (--cache-dir / GREENTRAIN_CACHE), under " + packageName + "/.";
    }

    private String fileNames() {
        StringBuilder sb = new StringBuilder();
        for (PackagedFile f : files) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.installedPath());
        }
        return sb.toString();
    }

    private void requireTool(String tool) {
        if (!FetchTools.onPath(tool)) {
            throw new DataUnavailableException("`" + tool + "` is not on the PATH, so the Debian package " + packageName
                    + " (" + description + ") cannot be fetched."
                    + "\n  To fix: run on Debian/Ubuntu (apt-get and dpkg-deb come with apt and dpkg),"
                    + "\n  or copy the files " + fileNames() + " into the cache directory (--cache-dir / GREENTRAIN_CACHE),"
                    + " under " + packageName + "/.");
        }
    }

    private String run(Path dir, int timeoutSeconds, String... command) throws IOException {
        return FetchTools.run(dir, timeoutSeconds, hint(), command);
    }
}
