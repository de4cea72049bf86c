package io.greentrain.agent.lifecycle;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import io.greentrain.agent.instrumentation.InstrumentationInstaller;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.GreenTrainExporter;
import io.greentrain.exporter.attribution.TrainingCalls;
import io.greentrain.exporter.metrics.DaemonThreads;
import io.greentrain.exporter.status.AgentLog;
import java.lang.instrument.Instrumentation;

/**
 * Everything the job could notice is decided here, in one place:
 * <ul>
 *   <li>nothing escapes: every failure becomes one {@code greentrain:} line and the job runs on;</li>
 *   <li>{@code premain} returns quickly: only the Byte Buddy transformer is installed on the caller's thread
 *       (so classes loaded right after are instrumented); sensors, registry and the HTTP server start on the
 *       daemon thread {@code greentrain-init};</li>
 *   <li>every thread is a daemon named {@code greentrain-*}, so the JVM exits exactly as without the agent;</li>
 *   <li>the bridge listener is installed before any class is instrumented; calls that begin while the exporter is
 *       still starting are measured from the moment it is up ({@link DeferredTrainingCalls}).</li>
 * </ul>
 */
public final class AgentStarter {

    private AgentStarter() {
    }

    /** Invoked reflectively by the bootstrap's AgentLauncher inside the isolating class loader. */
    public static void start(Instrumentation instrumentation, String agentArguments, String agentJar, boolean attachedLater) {
        try {
            GreenTrainConfig config = GreenTrainConfig.fromEnvironment(agentArguments, AgentLog::error);
            AgentLog.setLevel(config.get(Options.LOG_LEVEL));
            if (!config.get(Options.ENABLED)) {
                AgentLog.info("disabled by " + Options.ENABLED.key() + "=false");
                return;
            }
            System.setProperty("greentrain.agent.jar", agentJar);
            // the listener is in place before any class is instrumented, so no call is missed while the exporter starts
            DeferredTrainingCalls calls = new DeferredTrainingCalls();
            TrainingCallRecorder recorder = new TrainingCallRecorder(calls);
            TrainingCallBridge.install(recorder);
            InstrumentationInstaller.install(instrumentation, config, attachedLater);
            DaemonThreads.start("greentrain-init", () -> startExporter(config, calls, recorder));
        } catch (Throwable t) {
            AgentLog.error("agent not started, the job runs without it: " + t);
        }
    }

    private static void startExporter(GreenTrainConfig config, DeferredTrainingCalls calls, TrainingCallRecorder recorder) {
        try {
            GreenTrainExporter exporter = GreenTrainExporter.start(config);
            calls.ready(exporter.trainingCalls());
            try {
                Runtime.getRuntime().addShutdownHook(DaemonThreads.named("greentrain-shutdown").newThread(() -> shutdown(recorder, exporter)));
            } catch (IllegalStateException jvmExiting) {
                shutdown(recorder, exporter); // the job finished before we were up: nothing to add
            }
        } catch (Throwable t) {
            calls.ready(TrainingCalls.NONE); // nothing will measure: stop remembering calls
            AgentLog.error("measurement not started, the job runs without it: " + t);
        }
    }

    /** Calls still running are recorded as interrupted before the exporter (records file, endpoint) closes. */
    private static void shutdown(TrainingCallRecorder recorder, GreenTrainExporter exporter) {
        try {
            TrainingCallBridge.install(null);
            recorder.interruptCallsInFlight();
            exporter.close();
        } catch (Throwable ignored) {
            // the JVM is going away; nothing useful to report
        }
    }
}
