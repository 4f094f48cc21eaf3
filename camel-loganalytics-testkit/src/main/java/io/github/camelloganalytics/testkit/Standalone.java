package io.github.camelloganalytics.testkit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.generate.StandardData;

/**
 * {@code java -jar camel-loganalytics-testkit-<version>-standalone.jar [options]}: serves the sample workspace (and
 * the user's own tables) until stopped and prints what a person needs to try it with curl.
 *
 * <p>
 * Options: {@code --port N} (query API), {@code --token-port N} (token endpoint), {@code --data DIR} (every
 * {@code .json}, {@code .ndjson}, {@code .jsonl} and {@code .csv} file of DIR becomes a table named after it, typed
 * by a {@code <table>.schema.json} beside it or inferred), {@code --workspace ID} (load the data into that workspace
 * instead of the sample workspace), {@code --clock INSTANT} (a fixed clock, ISO 8601), {@code --clock-offset
 * DURATION} (a running clock set off the system clock, ISO 8601 such as {@code -P1D}), {@code --seed N} (the sample
 * data's seed).
 */
public final class Standalone {

    static final String USAGE = "usage: java -jar camel-loganalytics-testkit-standalone.jar [--port N] [--token-port N]"
                                + " [--data DIR] [--workspace ID] [--clock INSTANT | --clock-offset DURATION] [--seed N]";

    private Standalone() {
    }

    /**
     * The command line, parsed.
     *
     * @param port        the query API's port, 0 for any
     * @param tokenPort   the token endpoint's port, 0 for any
     * @param data        the data directory, or null
     * @param workspaceId the workspace the data goes to, or null for the sample workspace
     * @param clock       a fixed instant, or null
     * @param offset      an offset from the system clock, or null
     * @param seed        the sample data's seed
     */
    record Options(int port, int tokenPort, Path data, String workspaceId, Instant clock, Duration offset, long seed) {
    }

    /**
     * @param  args        see the class comment; {@code --help} prints the usage
     * @throws Exception   when the emulator cannot start
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LogAnalyticsEmulator emulator = create(options);
        List<Table> loaded = load(emulator, options);
        emulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        print(emulator, System.out);
        printLoaded(loaded, options, System.out);
        stopped.await();
    }

    /**
     * @param  args the command line
     * @return      the options
     * @throws IllegalArgumentException naming the option and the value that is wrong
     */
    static Options parse(String[] args) {
        int port = 0;
        int tokenPort = 0;
        Path data = null;
        String workspace = null;
        Instant clock = null;
        Duration offset = null;
        long seed = StandardData.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--port" -> port = port(value(args, ++i, name), name);
                case "--token-port" -> tokenPort = port(value(args, ++i, name), name);
                case "--data" -> {
                    data = Path.of(value(args, ++i, name));
                    if (!Files.isDirectory(data)) {
                        throw new IllegalArgumentException("--data " + data + ": not a directory");
                    }
                }
                case "--workspace" -> workspace = value(args, ++i, name);
                case "--clock" -> {
                    String v = value(args, ++i, name);
                    try {
                        clock = ColumnType.parseDatetime(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--clock " + v + ": not an ISO 8601 instant such as 2026-03-01T12:00:00Z");
                    }
                }
                case "--clock-offset" -> {
                    String v = value(args, ++i, name);
                    try {
                        offset = Duration.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--clock-offset " + v + ": not an ISO 8601 duration such as -P1D or PT-2H");
                    }
                }
                case "--seed" -> {
                    String v = value(args, ++i, name);
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed " + v + ": not a whole number");
                    }
                }
                default -> throw new IllegalArgumentException("Unknown argument " + name);
            }
        }
        if (clock != null && offset != null) {
            throw new IllegalArgumentException("--clock and --clock-offset exclude each other: a clock is fixed or set off");
        }
        return new Options(port, tokenPort, data, workspace, clock, offset, seed);
    }

    /**
     * @param  options the parsed options
     * @return         an emulator, not started, with the clock and seed the options name
     */
    static LogAnalyticsEmulator create(Options options) {
        LogAnalyticsEmulator emulator = new LogAnalyticsEmulator(options.port(), options.tokenPort());
        if (options.clock() != null) {
            emulator.clock().fixAt(options.clock());
        } else if (options.offset() != null) {
            emulator.clock().offsetBy(options.offset());
        }
        if (options.seed() != StandardData.DEFAULT_SEED) {
            emulator.resetSampleWorkspace(options.seed());
        }
        return emulator;
    }

    /**
     * @param  emulator the emulator
     * @param  options  the parsed options
     * @return          the tables loaded from {@code --data}, into {@code --workspace} or the sample workspace
     */
    static List<Table> load(LogAnalyticsEmulator emulator, Options options) {
        if (options.workspaceId() != null) {
            emulator.workspace(options.workspaceId());
        }
        if (options.data() == null) {
            return List.of();
        }
        String target = options.workspaceId() != null ? options.workspaceId() : LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
        return emulator.load(target, options.data());
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

    /**
     * After the contract's lines: one line per loaded table, and the clock when it is not the system's.
     *
     * @param loaded  the tables loaded
     * @param options the options
     * @param out     where to print
     */
    static void printLoaded(List<Table> loaded, Options options, PrintStream out) {
        String target = options.workspaceId() != null ? options.workspaceId() : LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
        for (Table t : loaded) {
            out.println("table: " + t.name() + " (" + t.size() + " records, " + t.columns().size() + " columns) in workspace "
                        + target);
        }
        if (options.clock() != null) {
            out.println("clock: fixed at " + ColumnType.formatDatetime(options.clock()));
        } else if (options.offset() != null) {
            out.println("clock: system clock " + (options.offset().isNegative() ? "" : "+") + options.offset());
        }
        out.flush();
    }

    private static int port(String v, String name) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + v + ": not a port (0 to 65535)");
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
