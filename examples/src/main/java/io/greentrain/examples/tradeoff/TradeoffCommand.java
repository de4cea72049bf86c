package io.greentrain.examples.tradeoff;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "tradeoff", mixinStandardHelpOptions = true, description = "stub")
public final class TradeoffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
