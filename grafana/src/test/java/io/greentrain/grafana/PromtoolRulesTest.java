package io.greentrain.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check rules} and {@code promtool test rules} on the shipped rules (Debian package
 * prometheus, 2.42 on Debian 12), and the coverage those unit tests must have: every alert is tested both
 * firing and not firing.
 */
class PromtoolRulesTest {

    private final RuleFile rules = RuleFile.load();

    @Test
    void promtoolCheckRulesAccepts() throws Exception {
        Path promtool = ExternalTool.require("promtool");
        List<String> command = List.of(promtool.toString(), "check", "rules", GrafanaFiles.rules().toString());
        assertThat(run(command)).as("promtool check rules").contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Path promtool = ExternalTool.require("promtool");
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        GrafanaFiles.ruleTests().forEach(p -> command.add(p.toString()));
        String output = run(command);
        assertThat(output).doesNotContain("FAILED");
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        Set<String> testedNames = new HashSet<>();
        for (Path file : GrafanaFiles.ruleTests()) {
            JsonNode yaml = GrafanaFiles.readYaml(file);
            assertThat(yaml.path("rule_files").toString()).as(file + " loads the shipped rules").contains("greentrain.rules.yml");
            for (JsonNode test : yaml.path("tests")) {
                for (JsonNode case_ : test.path("alert_rule_test")) {
                    String name = case_.path("alertname").asText();
                    testedNames.add(name);
                    (case_.path("exp_alerts").size() > 0 ? firing : quiet).add(name);
                }
            }
        }
        List<String> alerts = rules.alerts().stream().map(RuleFile.Rule::name).toList();
        assertThat(alerts).hasSize(6);
        assertThat(firing).as("alerts with a test where they fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a test where they do not fire").containsAll(alerts);
        assertThat(alerts).as("tests name only existing alerts").containsAll(testedNames);
    }

    @Test
    void everyAlertTellsTheOnCallWhatToDo() {
        for (RuleFile.Rule alert : rules.alerts()) {
            assertThat(alert.labels().path("severity").asText()).as(alert.name() + " severity").isNotEmpty();
            assertThat(alert.annotations().path("summary").asText()).as(alert.name() + " summary").isNotBlank();
            assertThat(alert.annotations().path("description").asText().length()).as(alert.name() + " description").isGreaterThan(200);
        }
    }

    @Test
    void budgetsAreSetInTheFirstGroupOnly() {
        assertThat(rules.groupNames().get(0)).isEqualTo("greentrain-budgets");
        for (RuleFile.Rule rule : rules.rules()) {
            boolean constant = rule.expr().trim().matches("vector\\([0-9.]+\\)");
            assertThat(!constant || rule.group().equals("greentrain-budgets"))
                    .as(rule.name() + ": constants (budgets, limits) live in greentrain-budgets").isTrue();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(GrafanaFiles.moduleDir().toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished in 60 s").isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " exit status; output:\n" + output).isZero();
        return output;
    }
}
