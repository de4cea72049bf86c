package io.greentrain.agent.it.reliability.apps;

import java.util.TreeMap;

/** Prints every system property (sorted) once an attached agent has finished starting (see {@link ConfiguredJob}). */
public final class PropertiesJob {

    public static void main(String[] args) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("greentrain-init") && t.isAlive())) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        new TreeMap<>(System.getProperties()).forEach((k, v) -> System.out.println(k + "=" + v));
    }
}
