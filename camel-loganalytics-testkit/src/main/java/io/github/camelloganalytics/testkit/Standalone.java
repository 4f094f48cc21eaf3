package io.github.camelloganalytics.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar camel-loganalytics-testkit-<version>-standalone.jar [--port N] [--token-port N]}: serves the
 * sample workspace until stopped and prints what a person needs to try it with curl.
 */
public final class Standalone {

    private Standalone() {
    }

    /**
     * @param  args        {@code --port N} for the query API, {@code --token-port N} for the token endpoint
     * @throws Exception   when the emulator cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        int tokenPort = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--token-port" -> tokenPort = Integer.parseInt(value(args, ++i, "--token-port"));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar camel-loganalytics-testkit-standalone.jar [--port N] [--token-port N]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        LogAnalyticsEmulator emulator = new LogAnalyticsEmulator(port, tokenPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        print(emulator, System.out);
        stopped.await();
    }

    /**
     * Prints the lines the contract promises: query API, token endpoint, tenant, client id, client secret,
     * workspace, token.
     *
     * @param emulator a started emulator
     * @param out      where to print
     */
    static void print(LogAnalyticsEmulator emulator, PrintStream out) {
        out.println("query API: " + emulator.queryUrl());
        out.println("token endpoint: " + emulator.authorityUrl());
        out.println("tenant: " + emulator.tenantId());
        out.println("client id: " + LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
        out.println("client secret: " + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET);
        out.println("workspace: " + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        out.println("token: " + emulator.token());
        out.flush();
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
