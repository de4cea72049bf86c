package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.PlainJob;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The job behaves exactly as before: same stdout, same stderr (but our lines), same exit code. */
class NeverBreakTheJobIT {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0} on JDK {1}")
    @CsvSource({"normal,17", "exit3,17", "throw,17", "normal,25", "exit3,25", "throw,25"})
    void jobOutputAndExitCodeAreUnchanged(String ending, int jdk) throws Exception {
        String home = jdk == 25 ? ForkedJvm.jdk25Home() : System.getProperty("java.home");
        ForkedJvm.Result without = ForkedJvm.main(PlainJob.class, ending).javaHome(home).workDir(workDir).run();
        ForkedJvm.Result with = ForkedJvm.main(PlainJob.class, ending).javaHome(home).workDir(workDir)
                .withAgent("prometheus.port=0").run();

        assertThat(with.exitCode).as(with.toString()).isEqualTo(without.exitCode);
        assertThat(with.stdout).isEqualTo(without.stdout);
        assertThat(with.stderrWithoutGreenTrain()).isEqualTo(without.stderrWithoutGreenTrain());
        assertThat(without.exitCode).isEqualTo(ending.equals("normal") ? 0 : ending.equals("exit3") ? 3 : 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'prometheus.port=banana', greentrain.prometheus.port",
        "'sample.interval=5ms', greentrain.sample.interval",
        "'carbon.pue=0.5', greentrain.carbon.pue",
        "'config=/nonexistent/greentrain.properties', greentrain.config",
        "'no-equals-sign', invalid agent argument #1",
    })
    void badConfigurationIsOneLineNamingTheKeyAndTheJobRuns(String agentArgs, String key) throws Exception {
        ForkedJvm.Result with = ForkedJvm.main(PlainJob.class, "normal").workDir(workDir)
                .withAgent((agentArgs.contains("port") ? agentArgs : agentArgs + ",prometheus.port=0") + ",eager=true").run();
        assertThat(with.exitCode).isZero();
        assertThat(with.stdout).contains("job done");
        assertThat(with.greenTrainLines()).filteredOn(l -> l.contains(key)).hasSize(1)
                .allSatisfy(l -> assertThat(l).containsAnyOf("allowed is", "cannot read"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-javaagent twice", "disabled"})
    void attachingTwiceOrDisabledIsHarmless(String variant) throws Exception {
        ForkedJvm jvm = ForkedJvm.main(PlainJob.class, "normal").workDir(workDir);
        if (variant.equals("disabled")) {
            jvm.withAgent("enabled=false");
        } else {
            jvm.withAgent("prometheus.port=0").jvmArg("-javaagent:" + ForkedJvm.agentJar().toAbsolutePath() + "=prometheus.port=0");
        }
        ForkedJvm.Result result = jvm.run();
        assertThat(result.exitCode).isZero();
        assertThat(result.stdout).contains("job done");
        assertThat(result.stderrWithoutGreenTrain()).isEqualTo("job warning on stderr\n");
    }
}
