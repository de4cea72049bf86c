package io.greentrain.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DormantSwitchesTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(DormantSwitches.EAGER);
        System.clearProperty("greentrain.config");
    }

    @Test
    void defaultsAreEnabledAndDormant() {
        DormantSwitches switches = new DormantSwitches("");
        assertThat(switches.enabled()).isTrue();
        assertThat(switches.eager()).isFalse();
    }

    @Test
    void agentArgumentsWithOrWithoutPrefixAndEitherSeparator() {
        assertThat(new DormantSwitches("prometheus.port=0,eager=true").eager()).isTrue();
        assertThat(new DormantSwitches("records.file=a.jsonl;greentrain.eager=yes").eager()).isTrue();
        assertThat(new DormantSwitches("eager=false,enabled=off").enabled()).isFalse();
        assertThat(new DormantSwitches("noteager=true").eager()).isFalse();
    }

    @Test
    void theSystemPropertyWinsOverArgumentsAndArgumentsOverTheFile() throws Exception {
        Path file = dir.resolve("greentrain.properties");
        Files.writeString(file, "greentrain.eager=true\n");
        System.setProperty("greentrain.config", file.toString());
        assertThat(new DormantSwitches("").eager()).as("from the file").isTrue();
        assertThat(new DormantSwitches("eager=false").eager()).as("arguments over the file").isFalse();
        System.setProperty(DormantSwitches.EAGER, "true");
        assertThat(new DormantSwitches("eager=false").eager()).as("system property over arguments").isTrue();
    }

    @Test
    void anInvalidValueIsOneLineNamingKeyValueSourceAndWhatIsAllowedAndKeepsTheDefault() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(new DormantSwitches("eager=maybe").eager()).isFalse();
        } finally {
            System.setErr(previous);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).trim()).isEqualTo(
                "greentrain: error: invalid greentrain.eager='maybe' (agent argument): allowed is true or false; using the default false");
    }
}
