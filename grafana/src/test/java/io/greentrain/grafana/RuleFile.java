package io.greentrain.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The Prometheus rules file: groups of recording and alerting rules. */
final class RuleFile {

    /** One rule; {@code name} is the record name or the alert name. */
    record Rule(String group, String name, boolean alert, String expr, JsonNode labels, JsonNode annotations) {
    }

    final JsonNode yaml;

    private RuleFile(JsonNode yaml) {
        this.yaml = yaml;
    }

    static RuleFile load() {
        return new RuleFile(GrafanaFiles.readYaml(GrafanaFiles.rules()));
    }

    List<String> groupNames() {
        List<String> names = new ArrayList<>();
        yaml.path("groups").forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : yaml.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                boolean alert = rule.has("alert");
                rules.add(new Rule(group.path("name").asText(), rule.path(alert ? "alert" : "record").asText(), alert,
                        rule.path("expr").asText(), rule.path("labels"), rule.path("annotations")));
            }
        }
        return rules;
    }

    List<Rule> alerts() {
        return rules().stream().filter(Rule::alert).toList();
    }

    List<String> recordNames() {
        return rules().stream().filter(r -> !r.alert()).map(Rule::name).toList();
    }
}
