package io.greentrain.exporter.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread GreenTrain starts: daemon (never keeps the job's JVM alive), named {@code greentrain-*}
 * (so users and the agent's own CPU metric can tell them apart), and with the context class loader of
 * GreenTrain's own classes (so ServiceLoader and resource lookups never see, or pin, the application's loader).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        ClassLoader ownLoader = DaemonThreads.class.getClassLoader();
        return runnable -> {
            int n = counter.getAndIncrement();
            Thread thread = new Thread(runnable, n == 0 ? prefix : prefix + "-" + n);
            thread.setDaemon(true);
            thread.setContextClassLoader(ownLoader);
            return thread;
        };
    }

    public static Thread start(String name, Runnable runnable) {
        Thread thread = named(name).newThread(runnable);
        thread.start();
        return thread;
    }
}
