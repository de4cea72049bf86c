package io.greentrain.agent.it.apps;

/**
 * A job that knows nothing of GreenTrain: prints to both streams, then ends the way the first argument
 * says ("normal", "exit3", "throw"), optionally after sleeping (second argument, milliseconds).
 */
public final class PlainJob {

    public static void main(String[] args) throws Exception {
        System.out.println("job started");
        System.err.println("job warning on stderr");
        long checksum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            checksum += (long) i * i % 7;
        }
        System.out.println("checksum " + checksum);
        if (args.length > 1) {
            Thread.sleep(Long.parseLong(args[1]));
        }
        String ending = args.length > 0 ? args[0] : "normal";
        switch (ending) {
            case "exit3":
                System.out.println("exiting with 3");
                System.exit(3);
                break;
            case "throw":
                throw new IllegalStateException("job failed on purpose");
            default:
                System.out.println("job done");
        }
    }
}
