package io.greentrain.examples.tradeoff;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Is the GreenTrain agent attached, and where does it write its records? The agent sets the system property
 * {@code greentrain.agent.jar}. The records file is resolved like the agent resolves it: system property
 * {@code greentrain.records.file}, environment {@code GREENTRAIN_RECORDS_FILE}, the agent arguments on the
 * command line ({@code -javaagent:...jar=records.file=PATH,...}), then the default {@code greentrain-calls.jsonl}.
 */
public final class AgentSetup {

    public static final String AGENT_PROPERTY = "greentrain.agent.jar";
    public static final String RECORDS_PROPERTY = "greentrain.records.file";
    public static final String RECORDS_ENV = "GREENTRAIN_RECORDS_FILE";
    public static final String RECORDS_DEFAULT = "greentrain-calls.jsonl";

    private AgentSetup() {
    }

    /** The agent jar, or null if no agent is attached. */
    public static String agentJar() {
        String jar = System.getProperty(AGENT_PROPERTY);
        return jar == null || jar.isBlank() ? null : jar;
    }

    public static Path recordsFile() {
        return recordsFile(System.getProperties().getProperty(RECORDS_PROPERTY), System.getenv(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static Path recordsFile(String property, Map<String, String> env, List<String> jvmArguments) {
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String fromEnv = env.get(RECORDS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Paths.get(fromEnv);
        }
        for (String arg : jvmArguments) {
            if (arg.startsWith("-javaagent:")) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                for (String pair : arg.substring(eq + 1).split("[,;]")) {
                    int e = pair.indexOf('=');
                    if (e < 0) {
                        continue;
                    }
                    String key = pair.substring(0, e).trim();
                    if (key.equals("records.file") || key.equals(RECORDS_PROPERTY)) {
                        return Paths.get(pair.substring(e + 1).trim());
                    }
                }
            }
        }
        return Paths.get(RECORDS_DEFAULT);
    }

    /** What to type to run the study with the agent attached. */
    public static String attachInstructions(String subcommandArgs) {
        String self = selfJar();
        return String.join(System.lineSeparator(),
                "The trade-off study reads energy and CO2e from the GreenTrain agent's per-call records,",
                "but no agent is attached to this JVM (system property " + AGENT_PROPERTY + " is not set).",
                "Build the agent (mvn -B package -DskipTests) and start the study with it:",
                "",
                "  java -javaagent:agent/dist/target/greentrain-agent.jar=records.file=tradeoff-calls.jsonl,records.detail=calls,console.enabled=false,prometheus.enabled=false \\",
                "       -jar " + self + " tradeoff" + (subcommandArgs.isBlank() ? "" : " " + subcommandArgs),
                "",
                "(paths relative to the repository root).");
    }

    private static String selfJar() {
        try {
            Path p = Paths.get(AgentSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (p.toString().endsWith(".jar")) {
                Path cwd = Paths.get("").toAbsolutePath();
                return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
            }
        } catch (Exception ignored) {
            // fall through
        }
        return "examples/target/greentrain-examples.jar";
    }
}
