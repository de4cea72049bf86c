package io.greentrain.exporter.cli;

import io.greentrain.exporter.status.BuildInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar greentrain-agent.jar <command>}. {@code attach} is handled by the agent's bootstrap
 * (it needs the JDK's attach API from the application class loader); every other command lives here so
 * the exporter can be used as a plain library and command-line tool.
 *
 * <p>Bad arguments print one line saying what is wrong plus the usage, and exit with code 2.
 */
@Command(name = "greentrain-agent.jar", mixinStandardHelpOptions = true, versionProvider = GreenTrainCli.Version.class,
        description = "GreenTrain: energy and CO2e of ML training on the JVM.",
        subcommands = {VersionCommand.class, EstimateCommand.class, ReportCommand.class, DoctorCommand.class})
public final class GreenTrainCli implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Runs the command line and returns the exit code (does not call System.exit). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new GreenTrainCli());
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("greentrain: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return 2;
        });
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Picocli version provider. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GreenTrain " + BuildInfo.version()};
        }
    }
}
