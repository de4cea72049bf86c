package io.greentrain.agent.bootstrap;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;

/** {@code attach <pid> [key=value,...]}: loads the agent into a running JVM. */
final class Attach {

    private Attach() {
    }

    static int run(File jar, String[] args) {
        if (args.length < 2 || args.length > 3 || !args[1].matches("\\d+")) {
            System.err.println("greentrain: attach needs the process id of a running JVM"
                    + (args.length >= 2 ? ", got '" + args[1] + "'" : ""));
            System.err.println("usage: java -jar greentrain-agent.jar attach <pid> [key=value,...]");
            return 2;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(args[1]);
            try {
                vm.loadAgent(jar.getAbsolutePath(), args.length == 3 ? args[2] : "");
            } finally {
                vm.detach();
            }
            System.out.println("greentrain: attached to " + args[1]);
            return 0;
        } catch (Exception e) {
            System.err.println("greentrain: cannot attach to " + args[1] + ": " + e.getMessage());
            return 1;
        }
    }
}
