package io.greentrain.agent.it.apps;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URL;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import oshi.SystemInfo;

/**
 * An application with its own, older versions of the libraries GreenTrain uses internally. It uses each
 * one and prints which jar the class came from, then stays alive long enough to be scraped.
 */
public final class OwnLibrariesJob {

    /** libc through the application's own JNA. */
    public interface CLibrary extends Library {
        int getpid();
    }

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Counter counter = Counter.builder("app.work").register(meters);
        counter.increment(3);
        System.out.println("micrometer " + counter.count() + " from " + origin(Counter.class));

        io.prometheus.metrics.core.metrics.Counter promCounter = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("app_requests_total").register(PrometheusRegistry.defaultRegistry);
        promCounter.inc(2);
        System.out.println("client_java " + promCounter.get() + " from " + origin(PrometheusRegistry.class));

        Object made = new ByteBuddy().subclass(Object.class).method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("made by the app's Byte Buddy")).make()
                .load(OwnLibrariesJob.class.getClassLoader()).getLoaded().getDeclaredConstructor().newInstance();
        System.out.println("bytebuddy " + made + " from " + origin(ByteBuddy.class));

        CLibrary libc = Native.load("c", CLibrary.class);
        System.out.println("jna pid " + (libc.getpid() == ProcessHandle.current().pid()) + " from " + origin(Native.class));

        int cpus = new SystemInfo().getHardware().getProcessor().getLogicalProcessorCount();
        System.out.println("oshi cpus " + (cpus > 0) + " from " + origin(SystemInfo.class));

        Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 0);
        System.out.println("done");
    }

    private static String origin(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
