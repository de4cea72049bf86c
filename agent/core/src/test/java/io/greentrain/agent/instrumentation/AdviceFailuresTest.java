package io.greentrain.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.bootstrap.TrainingCallBridge;
import io.greentrain.agent.bootstrap.TrainingCallListener;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Advice that throws, woven with the agent's handler into a class of this test, as the installer weaves library classes. */
class AdviceFailuresTest {

    public static class Work {
        public String work(String in) {
            return in + "!";
        }
    }

    public static class BrokenAdvice {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter() {
            throw new IllegalStateException("enter broken on purpose");
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit() {
            throw new UnsupportedOperationException("exit broken on purpose");
        }
    }

    /** Failures the bridge reported, with their counts. */
    static final class Reports implements TrainingCallListener {
        final List<String> failures = new ArrayList<>();

        @Override
        public Object callStarted(String library, String type, String method, Object receiver, Object[] args) {
            return null;
        }

        @Override
        public void callEnded(Object handle, Throwable thrown) {
        }

        @Override
        public void epochEnded(Object receiver) {
        }

        @Override
        public void adviceFailed(Throwable problem, int count) {
            failures.add(problem.getMessage() + " x" + count);
        }
    }

    @AfterEach
    void uninstall() {
        TrainingCallBridge.install(null);
    }

    private static Object woven(Advice.ExceptionHandler handler) throws Exception {
        Class<?> type = new ByteBuddy().redefine(Work.class)
                .visit(Advice.to(BrokenAdvice.class).withExceptionHandler(handler).on(named("work")))
                .make().load(new ClassLoader(AdviceFailuresTest.class.getClassLoader()) {
                }, ClassLoadingStrategy.Default.CHILD_FIRST).getLoaded();
        return type.getDeclaredConstructor().newInstance();
    }

    private static Object call(Object work, String in) throws Exception {
        return work.getClass().getMethod("work", String.class).invoke(work, in);
    }

    @Test
    void aThrowingAdviceIsReportedToTheListenerAndTheMethodGoesOnUnchanged() throws Exception {
        Reports reports = new Reports();
        TrainingCallBridge.install(reports);
        Object work = woven(AdviceFailures.HANDLER);

        assertThat(call(work, "a")).isEqualTo("a!");
        assertThat(call(work, "b")).isEqualTo("b!");

        assertThat(reports.failures).containsExactly("enter broken on purpose x1", "exit broken on purpose x1",
                "enter broken on purpose x1", "exit broken on purpose x1");
    }

    @Test
    void failuresBeforeTheListenerIsInstalledAreHandedToItThenWithTheirCount() throws Exception {
        TrainingCallBridge.install(null);
        Object work = woven(AdviceFailures.HANDLER);
        assertThat(call(work, "a")).isEqualTo("a!");
        assertThat(call(work, "b")).isEqualTo("b!");

        Reports reports = new Reports();
        TrainingCallBridge.install(reports);

        assertThat(reports.failures).containsExactly("enter broken on purpose x4");
    }

    @Test
    void byteBuddysSuppressingHandlerWouldLoseThem() throws Exception {
        Reports reports = new Reports();
        TrainingCallBridge.install(reports);
        Object work = woven(Advice.ExceptionHandler.Default.SUPPRESSING);

        assertThat(call(work, "a")).isEqualTo("a!");

        assertThat(reports.failures).as("what this class exists to fix").isEmpty();
    }
}
