package io.greentrain.agent.it.apps;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A JVM that never loads a training library. Works for a while (longer than any agent start), then reports what an
 * agent could have left in it: every thread's name, and whether something listens on the port given as argument.
 * With {@code train} as second argument it first loads a Tribuo class (which wakes a dormant agent).
 */
public final class DormantProbeJob {

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("train")) {
            Class.forName("org.tribuo.Trainer");
        }
        Thread.sleep(1500);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            System.out.println("thread " + thread.getName());
        }
        System.out.println("port " + (listening(Integer.parseInt(args[0])) ? "open" : "closed"));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
