package io.greentrain.examples;

import io.greentrain.examples.data.DataUnavailableException;
import io.greentrain.examples.tradeoff.TradeoffCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code greentrain-examples.jar}: one plain training job per library, and the trade-off study. */
@Command(name = "greentrain-examples", mixinStandardHelpOptions = true,
        description = {"Plain training jobs for DL4J, Smile and Tribuo on real data, and the accuracy-vs-CO2e study.",
            "Attach the agent from outside: java -javaagent:greentrain-agent.jar -jar greentrain-examples.jar <command>"},
        subcommands = {TradeoffCommand.class, JobCommand.Dl4j.class, JobCommand.Smile.class, JobCommand.Tribuo.class,
            FetchCommand.class})
public final class GreenTrainExamples {

    /** Tribuo logs every bagged tree at INFO through java.util.logging; the jobs print their own summary. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private GreenTrainExamples() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(GreenTrainExamples.class);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (cause != null && !(cause instanceof DataUnavailableException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                commandLine.getErr().println("Data not available: " + cause.getMessage());
                return 3;
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
