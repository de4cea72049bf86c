package io.greentrain.subset.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greentrain.subset.Coreset;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The arrays adapter ({@link SmileCoresets}) works with Smile 6: {@link Smile6CompatibilityMain}, compiled against
 * Smile 3.1.1, runs in a JDK 25 (Smile 6 needs 21+) on the Smile 6 jars that the build copies to target/smile6.
 * Skipped where no JDK 25 is installed ({@code jdk25.home}, set by the parent pom).
 */
class Smile6CompatibilityTest {

    @Test
    void theArraysAdapterRunsOnSmile6() throws Exception {
        Path jdk = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java = jdk.resolve("bin").resolve("java");
        assumeTrue(Files.isExecutable(java), "no JDK 25 at " + jdk);
        Path smile6 = Path.of("target", "smile6");
        assumeTrue(Files.isDirectory(smile6), "Smile 6 jars not copied to " + smile6.toAbsolutePath());
        String classpath = String.join(File.pathSeparator, location(Smile6CompatibilityMain.class),
                location(Coreset.class), smile6.toAbsolutePath() + File.separator + "*");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", classpath,
                Smile6CompatibilityMain.class.getName())).redirectErrorStream(true).start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        Matcher line = Pattern.compile("SMILE (\\S+) accuracy=([\\d.]+) rows=(\\d+) samples=(\\d+)").matcher(output);
        assertThat(line.find()).as(output).isTrue();
        assertThat(line.group(1)).startsWith("6.");
        assertThat(Double.parseDouble(line.group(2))).isGreaterThan(0.9);
        assertThat(Integer.parseInt(line.group(4))).isEqualTo(300);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
