package io.greentrain.agent.it.reliability.apps;

/**
 * A job that knows nothing of GreenTrain and uses a training library (it loads Tribuo's {@code Trainer}, which wakes the
 * dormant agent and so makes it read its configuration): prints to both streams, computes, and exits with the code given as
 * the first argument (after lingering for the milliseconds of the optional second). Before exiting it waits (at most 30 s) for a thread named {@code greentrain-init} to end,
 * so that an attached agent has finished starting and said all it had to say about its configuration; without
 * the agent there is no such thread and nothing changes.
 */
public final class ConfiguredJob {

    public static void main(String[] args) throws Exception {
        Class.forName("org.tribuo.Trainer");
        System.out.println("job started");
        System.err.println("job warning on stderr");
        long checksum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            checksum += (long) i * i % 7;
        }
        System.out.println("checksum " + checksum);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("greentrain-init") && t.isAlive())) {
            Thread.sleep(20);
        }
        if (args.length > 1) {
            Thread.sleep(Long.parseLong(args[1])); // linger: let background work of an agent happen
        }
        int exit = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        System.out.println("job done");
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
