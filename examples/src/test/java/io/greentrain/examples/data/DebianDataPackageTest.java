package io.greentrain.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianDataPackageTest {

    @TempDir
    Path dir;

    @Test
    void sha256OfAKnownString() throws IOException {
        Path f = dir.resolve("abc");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        assertThat(Sha256.of(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.matches(f, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")).isTrue();
        assertThat(Sha256.matches(dir.resolve("missing"), "00")).isFalse();
    }

    @Test
    void aVerifiedCachedFileIsUsedWithoutFetching() throws IOException {
        Path cacheRoot = dir.resolve("cache");
        Files.createDirectories(cacheRoot.resolve("no-such-package-xyz"));
        Files.writeString(cacheRoot.resolve("no-such-package-xyz/data.txt"), "abc", StandardCharsets.US_ASCII);
        DebianDataPackage pkg = new DebianDataPackage("no-such-package-xyz", "test data", List.of(
                new DebianDataPackage.PackagedFile("/usr/share/no-such-package-xyz/data.txt",
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path got = pkg.file(new DataCache(cacheRoot), "data.txt", new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(got).hasContent("abc");
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailedFetchSaysWhatToInstall() throws IOException {
        Path cacheRoot = dir.resolve("cache");
        Files.createDirectories(cacheRoot.resolve("no-such-package-xyz"));
        // wrong content: the checksum fails, so the package must be fetched, and it does not exist
        Files.writeString(cacheRoot.resolve("no-such-package-xyz/data.txt"), "tampered", StandardCharsets.US_ASCII);
        DebianDataPackage pkg = new DebianDataPackage("no-such-package-xyz", "test data", List.of(
                new DebianDataPackage.PackagedFile("/usr/share/no-such-package-xyz/data.txt",
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
        try {
            pkg.fetch(new DataCache(cacheRoot), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            throw new AssertionError("expected the fetch to fail");
        } catch (DataUnavailableException e) {
            assertThat(e.getMessage()).containsAnyOf("apt-get update", "is not on the PATH");
            assertThat(e.getMessage()).contains("no-such-package-xyz");
        }
    }

    @Test
    void cacheDirectoryPrecedence() {
        assertThat(DataCache.resolve(dir).root()).isEqualTo(dir.toAbsolutePath());
        assertThat(DataCache.resolve(null).root().toString()).isNotBlank();
    }
}
