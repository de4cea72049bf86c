package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.reliability.apps.PropertiesJob;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent leaves the job's system properties as it found them, once it is up and serving metrics (client_java's
 * HTTP server, for one, sets {@code sun.net.httpserver.*} defaults for the whole JVM). Allowed differences: the
 * agent's own {@code greentrain.*} keys, and {@code user.timezone}, which the JDK fills in on first use of the
 * default time zone with the value the job would get anyway.
 */
class SystemPropertiesIT {

    @TempDir
    Path dir;

    @Test
    void systemPropertiesAreUnchanged() throws Exception {
        ForkedJvm.Result without = ForkedJvm.main(PropertiesJob.class).workDir(dir).run();
        ForkedJvm.Result with = ForkedJvm.main(PropertiesJob.class).workDir(dir).withAgent("prometheus.port=0,prometheus.host=127.0.0.1").run();
        assertThat(with.exitCode).isZero();
        assertThat(comparable(with.stdout)).isEqualTo(comparable(without.stdout));
    }

    private static String comparable(String properties) {
        return Arrays.stream(properties.split("\n")).filter(l -> !l.startsWith("greentrain.") && !l.startsWith("user.timezone="))
                .collect(Collectors.joining("\n"));
    }
}
