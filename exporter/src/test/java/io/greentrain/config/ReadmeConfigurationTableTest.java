package io.greentrain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is generated from {@link Options}: this test fails when they differ and
 * prints the table to paste (or run with {@code -Dgreentrain.readme.update=true} to rewrite it).
 */
class ReadmeConfigurationTableTest {

    private static final String BEGIN = "<!-- BEGIN CONFIGURATION TABLE (generated from Options.java by ReadmeConfigurationTableTest) -->";
    private static final String END = "<!-- END CONFIGURATION TABLE -->";

    @Test
    void readmeTableMatchesTheOptionDefinitions() throws Exception {
        Path readme = Paths.get("..", "README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README.md has the configuration table markers").isGreaterThanOrEqualTo(0);
        assertThat(end).isGreaterThan(begin);
        String expected = BEGIN + "\n" + ConfigurationTable.markdown() + END;
        String actual = text.substring(begin, end + END.length());
        if (!actual.equals(expected) && Boolean.getBoolean("greentrain.readme.update")) {
            Files.writeString(readme, text.substring(0, begin) + expected + text.substring(end + END.length()));
            return;
        }
        assertThat(actual).as("README configuration table; regenerate with mvn -pl exporter test "
                + "-Dtest=ReadmeConfigurationTableTest -Dgreentrain.readme.update=true").isEqualTo(expected);
    }
}
