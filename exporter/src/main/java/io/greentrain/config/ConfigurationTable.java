package io.greentrain.config;

/** The configuration reference as a Markdown table, generated from {@link Options} for the README. */
public final class ConfigurationTable {

    private ConfigurationTable() {
    }

    public static String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| key (system property / agent argument) | environment | type | default | description |\n");
        table.append("|---|---|---|---|---|\n");
        for (Option<?> option : Options.all()) {
            table.append("| `").append(option.key()).append("` | `").append(option.environmentName()).append("` | ")
                    .append(option.type().typeName()).append(" | ")
                    .append(option.defaultText().isEmpty() ? "" : "`" + option.defaultText() + "`").append(" | ")
                    .append(option.description().replace("|", "\\|")).append(" Allowed: ").append(option.type().allowed())
                    .append(". |\n");
        }
        return table.toString();
    }
}
