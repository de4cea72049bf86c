package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.LibraryActivator;
import io.greentrain.agent.bootstrap.TrainingCallBridge;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.GreenTrainExporter;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.threads.DaemonThreads;
import io.greentrain.exporter.status.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the job could notice is decided here, in one place:
 * <ul>
 *   <li>nothing escapes: every failure becomes one {@code greentrain:} line and the job runs on;</li>
 *   <li>the core starts only when a training library loads (or at JVM start with {@code greentrain.eager}): until then
 *       the JVM has the bootstrap's watcher and nothing else;</li>
 *   <li>on the thread that loads the library, only that library's transformer is built ({@link OnDemandInstrumentation});
 *       sensors, registry and the HTTP server start on the daemon thread {@code greentrain-init}, sensors first;</li>
 *   <li>every thread is a daemon named {@code greentrain-*}, so the JVM exits exactly as without the agent;</li>
 *   <li>the bridge listener is installed before any class is instrumented; a call that begins while the sensors start
 *       waits for them, within a bound ({@link DeferredTrainingCalls});</li>
 *   <li>the shutdown hook is registered at once, so a job that ends right after its first call still gets its record:
 *       the hook lets the start finish (bounded) before it records calls in flight and closes the outputs.</li>
 * </ul>
 */
public final class AgentStarter {

    /** How long the shutdown hook lets a start that is still under way finish. */
    private static final long SHUTDOWN_WAIT_FOR_START_MILLIS = 10_000;

    private AgentStarter() {
    }

    /**
     * Invoked reflectively by the bootstrap's AgentLauncher inside the isolating class loader, when the first training
     * library loads (or at JVM start when eager). Returns the activator for the libraries, or null when disabled or broken.
     */
    public static LibraryActivator start(Instrumentation instrumentation, String agentArguments, String agentJar, boolean attachedLater) {
        try {
            GreenTrainConfig config = GreenTrainConfig.fromEnvironment(agentArguments, AgentStarter::configProblem);
            AgentLog.setLevel(config.get(Options.LOG_LEVEL));
            if (!config.get(Options.ENABLED)) {
                AgentLog.info("disabled by " + Options.ENABLED.key() + "=false");
                return null;
            }
            DeferredTrainingCalls calls = new DeferredTrainingCalls(config.get(Options.STARTUP_WAIT).toNanos(), System::nanoTime);
            TrainingCallRecorder recorder = new TrainingCallRecorder(calls);
            TrainingCallBridge.install(recorder);
            AtomicReference<GreenTrainExporter> exporter = new AtomicReference<>();
            Thread init = DaemonThreads.start("greentrain-init", () -> startExporter(config, calls, exporter));
            Runtime.getRuntime().addShutdownHook(DaemonThreads.named("greentrain-shutdown").newThread(() -> shutdown(init, exporter)));
            return new OnDemandInstrumentation(config, attachedLater);
        } catch (Throwable t) {
            AgentLog.error("agent not started, the job runs without it: " + t);
            return null;
        }
    }

    /** Invalid enabled/eager values were already reported by the bootstrap, which reads them before the core exists. */
    private static void configProblem(String problem) {
        if (!problem.startsWith("invalid " + Options.ENABLED.key() + "=") && !problem.startsWith("invalid " + Options.EAGER.key() + "=")) {
            AgentLog.error(problem);
        }
    }

    private static void startExporter(GreenTrainConfig config, DeferredTrainingCalls calls, AtomicReference<GreenTrainExporter> started) {
        try {
            GreenTrainExporter exporter = GreenTrainExporter.start(config, calls::measuring);
            started.set(exporter);
            calls.observed(exporter.trainingCalls());
        } catch (Throwable t) {
            calls.measuring(TrainingCalls.NONE); // nothing will measure: stop remembering calls
            AgentLog.error("measurement not started, the job runs without it: " + t);
        }
    }

    /** Calls still running end as interrupted, and open runs end, when the exporter closes (records file, endpoint). */
    private static void shutdown(Thread init, AtomicReference<GreenTrainExporter> started) {
        try {
            init.join(SHUTDOWN_WAIT_FOR_START_MILLIS);
            TrainingCallBridge.install(null);
            GreenTrainExporter exporter = started.get();
            if (exporter != null) {
                exporter.close();
            }
        } catch (Throwable ignored) {
            // the JVM is going away; nothing useful to report
        }
    }
}
