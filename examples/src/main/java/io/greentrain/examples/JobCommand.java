package io.greentrain.examples;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.greentrain.examples.data.TrainTest;
import io.greentrain.examples.jobs.Classifier;
import io.greentrain.examples.jobs.Models;
import io.greentrain.examples.jobs.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A plain training program for one library: load data, train each model, print test accuracy. It knows nothing
 * of GreenTrain; attach the agent from outside to see the energy of each training call.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class JobCommand implements Callable<Integer> {

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Option(names = "--full", description = "Bigger models / more epochs (the study's --full setting).")
    boolean full;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dl4j-threads", defaultValue = "1", paramLabel = "N",
            description = "ND4J OpenMP/BLAS threads (0 = ND4J's default; more threads were much slower on a busy 2-core machine). Default: ${DEFAULT-VALUE}.")
    int dl4jThreads;

    abstract String library();

    @Override
    public Integer call() {
        TrainTest data = dataOptions.load(0, 0);
        System.out.println("data: " + data);
        if (library().equals("dl4j")) {
            io.greentrain.examples.jobs.Dl4jMlp.limitThreads(dl4jThreads);
        }
        List<Trainer> trainers = Models.forLibrary(library(), full ? Models.Effort.FULL : Models.Effort.QUICK);
        for (Trainer trainer : trainers) {
            long t0 = System.nanoTime();
            Classifier model = trainer.train(data.train(), null, seed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double accuracy = model.accuracy(data.test());
            System.out.printf(Locale.ROOT, "%-28s trained in %7.2f s   test accuracy %.4f%n", trainer.id(), seconds,
                    accuracy);
        }
        return 0;
    }

    @Command(name = "dl4j", description = "DL4J: a multi-layer perceptron trained for several epochs.")
    public static final class Dl4j extends JobCommand {
        @Override
        String library() {
            return "dl4j";
        }
    }

    @Command(name = "smile", description = "Smile (GPL-3.0): logistic regression and a random forest.")
    public static final class Smile extends JobCommand {
        @Override
        String library() {
            return "smile";
        }
    }

    @Command(name = "tribuo", description = "Tribuo: logistic regression (SGD) and a random forest of CART trees.")
    public static final class Tribuo extends JobCommand {
        @Override
        String library() {
            return "tribuo";
        }
    }
}
