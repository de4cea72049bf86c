package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFirstNumberOrLine() throws IOException {
        Path file = Files.write(dir.resolve("energy_uj"), "  123456789\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(SysfsReader.DIRECT.readLong(file)).isEqualTo(123_456_789L);
        Path name = Files.write(dir.resolve("name"), "package-0\nignored\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(SysfsReader.DIRECT.readLine(name)).isEqualTo("package-0");
    }

    @Test
    void notANumberOrNotAFileIsAnIOException() throws IOException {
        Path text = Files.write(dir.resolve("energy_uj"), "n/a\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SysfsReader.DIRECT.readLong(text)).isInstanceOf(IOException.class).hasMessageContaining("no number");
        Path directory = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> SysfsReader.DIRECT.readLong(directory)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SysfsReader.DIRECT.readLong(dir.resolve("missing"))).isInstanceOf(IOException.class);
    }

    @Test
    void regularFilesAreReopenedSoAtomicReplacementsAreSeen() throws Exception {
        PowercapFixture fixture = new PowercapFixture(dir).zone("intel-rapl:0", "package-0", 10, 1000);
        try (CounterFile counter = SysfsReader.DIRECT.counter(fixture.zoneDirectory("intel-rapl:0").resolve("energy_uj"))) {
            assertThat(counter.read()).isEqualTo(10);
            fixture.set("intel-rapl:0", 25);
            assertThat(counter.read()).isEqualTo(25);
        }
    }

    @Test
    void procfsFilesKeptOpenStillGiveFreshValues() throws Exception {
        Path schedstat = Paths.get("/proc/thread-self/schedstat"); // first field: this thread's CPU time in ns
        assumeTrue(Files.isReadable(schedstat), "needs Linux procfs with schedstat");
        assertThat(DirectSysfsReader.regeneratedOnRead(schedstat)).isTrue();
        assertThat(DirectSysfsReader.regeneratedOnRead(dir)).isFalse();
        try (CounterFile counter = SysfsReader.DIRECT.counter(schedstat)) {
            long first = counter.read();
            long end = System.nanoTime() + 50_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(counter.read()).isGreaterThan(first);
        }
    }

    @Test
    void residentMemoryOfThisJvmMatchesProcStatus() {
        assumeTrue(Files.isReadable(Paths.get("/proc/self/statm")), "needs Linux procfs");
        ResidentMemoryShare share = ResidentMemoryShare.forThisProcess();
        double rss = share.share() * share.installedBytes();
        assertThat(rss).isBetween(0.7 * ResidentMemoryShare.readOwnRss(), 1.3 * ResidentMemoryShare.readOwnRss());
    }
}
