package io.github.camelloganalytics.testkit;

/**
 * Settings every HTTP server of the emulator needs before the JDK's {@code com.sun.net.httpserver} reads its
 * configuration, which it does once per JVM.
 */
public final class LoopbackServers {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackServers() {
    }

    /**
     * Turns Nagle's algorithm off for the JDK's HTTP server unless the JVM was told otherwise. With it on, a small
     * response waits for the client's delayed acknowledgement: about 40 ms a query on loopback, which would make the
     * emulator ten times slower than the work it does.
     */
    public static void prepare() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
}
