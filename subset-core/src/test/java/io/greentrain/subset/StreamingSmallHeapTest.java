package io.greentrain.subset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two-pass methods reduce a data set larger than the heap: 2,000,000 × 54 floats (432 MB) generated on the fly
 * are read twice by a JVM with {@code -Xmx48m}, and a coreset of m = 1000 rows comes out.
 */
class StreamingSmallHeapTest {

    private static final long ROWS = 2_000_000;
    private static final int WIDTH = 54;
    private static final int M = 1000;

    @Test
    void aDataSetLargerThanTheHeapIsReducedInTwoPasses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the child needs only subset-core's classes and its own test classes, no dependencies
        String classpath = location(StreamingSmallHeapMain.class) + File.pathSeparator + location(Coreset.class);
        Process child = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp", classpath,
                StreamingSmallHeapMain.class.getName(), Long.toString(ROWS), Integer.toString(WIDTH),
                Integer.toString(M), "uniform,stratified,lightweight,archetypal"))
                .redirectErrorStream(true).start();
        boolean finished = child.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(finished).as("child finished in time").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("DONE");

        Matcher heap = Pattern.compile("HEAP max=(\\d+) data=(\\d+)").matcher(output);
        assertThat(heap.find()).isTrue();
        assertThat(Long.parseLong(heap.group(2))).isGreaterThan(8 * Long.parseLong(heap.group(1)));

        Matcher line = Pattern.compile("CORESET method=(\\w+) n=(\\d+) m=(\\d+) distinct=(\\d+) rows=(\\d+) "
                + "width=(\\d+) totalWeight=([\\d.]+)").matcher(output);
        int methods = 0;
        while (line.find()) {
            methods++;
            assertThat(Long.parseLong(line.group(2))).isEqualTo(ROWS);
            assertThat(Integer.parseInt(line.group(3))).isEqualTo(M);
            int distinct = Integer.parseInt(line.group(4));
            assertThat(distinct).isBetween(M / 2, M);
            assertThat(Integer.parseInt(line.group(5))).isEqualTo(distinct);
            assertThat(Integer.parseInt(line.group(6))).isEqualTo(WIDTH);
            // Σw estimates n: exact for uniform/stratified, within a few per cent for the importance methods
            assertThat(Double.parseDouble(line.group(7))).as(line.group(1)).isCloseTo(ROWS,
                    org.assertj.core.api.Assertions.withinPercentage(10));
        }
        assertThat(methods).isEqualTo(4);
    }

    private static String location(Class<?> type) throws URISyntaxException, IOException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath().toString();
    }
}
