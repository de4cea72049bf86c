package io.greentrain.exporter.cli;

import io.greentrain.exporter.status.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code version}: prints the GreenTrain version and the Java runtime. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = GreenTrainCli.Version.class,
        description = "Print the GreenTrain version.")
final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("GreenTrain " + BuildInfo.version() + " on Java " + System.getProperty("java.version"));
        return 0;
    }
}
