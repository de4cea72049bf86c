package io.greentrain.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.greentrain.bench.NoWorkTrainer;

/**
 * A job that makes one training call and then idles, run by {@link OverheadBench} with and without the agent to
 * measure what the agent itself keeps and does: heap after a full GC, its threads ({@code greentrain-*}), and the
 * CPU time of its sampler thread over the idle period at the configured sample interval. Prints one line:
 * {@code probe heap_bytes=... agent_threads=... sampler_cpu_ns=... agent_cpu_ns=... idle_ns=... names=...}.
 *
 * <p>Argument: idle seconds (default 20).
 */
public final class OverheadProbe {

    private OverheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("greentrain-init") && t.isAlive())) {
            Thread.sleep(10);
        }
        Trainer<?> trainer = new NoWorkTrainer();
        NoWorkTrainer.call(trainer); // loads the agent's whole call path once
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpuBefore = agentThreadCpu(threads);
        long t0 = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        long idle = System.nanoTime() - t0;
        Map<String, Long> cpuAfter = agentThreadCpu(threads);
        long sampler = delta(cpuBefore, cpuAfter, "greentrain-sampler");
        long agent = 0;
        for (String name : cpuAfter.keySet()) {
            agent += delta(cpuBefore, cpuAfter, name);
        }
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        List<String> names = new ArrayList<>(cpuAfter.keySet());
        names.sort(null);
        System.out.println("probe heap_bytes=" + heap + " agent_threads=" + names.size() + " sampler_cpu_ns=" + sampler
                + " agent_cpu_ns=" + agent + " idle_ns=" + idle + " names=" + String.join(",", names));
    }

    private static Map<String, Long> agentThreadCpu(ThreadMXBean threads) {
        Map<String, Long> cpu = new java.util.TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("greentrain")) {
                cpu.merge(thread.getName(), Math.max(0, threads.getThreadCpuTime(thread.getId())), Long::sum);
            }
        }
        return cpu;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }
}
