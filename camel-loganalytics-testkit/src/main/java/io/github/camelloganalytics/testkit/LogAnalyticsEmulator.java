package io.github.camelloganalytics.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;

import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.generate.StandardData;
import io.github.camelloganalytics.testkit.token.TokenEndpoint;

/**
 * The embedded emulator of Azure Monitor Log Analytics: the query API ({@link QueryApiServer}, plain HTTP on
 * loopback) and the Entra ID token endpoint ({@link TokenEndpoint}, HTTPS on loopback), wired together so that
 * tokens the endpoint issues are the ones the query API accepts.
 *
 * <p>
 * It starts with a sample tenant, a sample client (id and secret) and the {@link SampleWorkspace sample workspace},
 * which the sample client may read:
 *
 * <pre>{@code
 * try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start()) {
 *     // component: host = emulator.queryUrl(), authorityHost = emulator.authorityUrl(),
 *     //            tenantId/clientId/clientSecret = the SAMPLE_* constants, workspaceId = SAMPLE_WORKSPACE_ID
 * }
 * }</pre>
 *
 * Its {@link #clock() clock} follows the system clock unless a test fixes it or sets it off; the sample workspace's
 * records end at the clock's instant when a query first reads them. Own data loads from files
 * ({@link #load(String, Path)}) or is added in code ({@link Workspace#createTable}).
 *
 * <p>
 * Thread-safe. Workspaces, clients, faults and limits may change while it serves.
 */
public final class LogAnalyticsEmulator implements AutoCloseable {

    /** The sample workspace's id. */
    public static final String SAMPLE_WORKSPACE_ID = SampleWorkspace.ID;
    /** The sample tenant. */
    public static final String SAMPLE_TENANT_ID = "5c6e1a2b-3d4f-4a5b-8c7d-9e0f1a2b3c4d";
    /** The sample client (application) id; it may read the sample workspace and every workspace made here. */
    public static final String SAMPLE_CLIENT_ID = "3f5a7c9e-1b2d-4e6f-8a0b-2c4d6e8f0a1b";
    /** The sample client's secret. Not a secret of anything real. */
    public static final String SAMPLE_CLIENT_SECRET = "emulator-sample-client-secret";
    /** The resource group workspaces made with {@link #workspace(String)} live in, in the sample subscription. */
    public static final String DEFAULT_RESOURCE_GROUP = "rg-emulator";

    private final int queryPort;
    private final QueryApiServer queryApi;
    private final TokenEndpoint tokenEndpoint;
    private final Clients clients;
    private final EmulatorClock clock = new EmulatorClock();
    private boolean started;

    /** An emulator on ephemeral ports. */
    public LogAnalyticsEmulator() {
        this(0, 0);
    }

    /**
     * @param queryPort the query API's port, 0 for an ephemeral one
     * @param tokenPort the token endpoint's HTTPS port, 0 for an ephemeral one
     */
    public LogAnalyticsEmulator(int queryPort, int tokenPort) {
        this(queryPort, tokenPort, Clock.systemUTC());
    }

    /**
     * An emulator on ephemeral ports whose clock follows the given one.
     *
     * @param clock the clock {@code now()} reads, e.g. {@code Clock.fixed(...)}; the sample records end at its instant
     */
    public LogAnalyticsEmulator(Clock clock) {
        this(0, 0, clock);
    }

    /**
     * @param queryPort the query API's port, 0 for an ephemeral one
     * @param tokenPort the token endpoint's HTTPS port, 0 for an ephemeral one
     * @param clock     the clock the emulator's clock follows
     */
    public LogAnalyticsEmulator(int queryPort, int tokenPort, Clock clock) {
        this.clock.follow(clock);
        this.queryPort = queryPort;
        this.tokenEndpoint = new TokenEndpoint(tokenPort);
        // the issuer exists only once the endpoint is started (tokens name its port), so verify through it lazily
        this.queryApi = new QueryApiServer(bearer -> tokenEndpoint.issuer().verify(bearer));
        this.clients = new Clients(tokenEndpoint, SAMPLE_TENANT_ID);
        tokenEndpoint.registerClient(SAMPLE_TENANT_ID, SAMPLE_CLIENT_ID, SAMPLE_CLIENT_SECRET);
        queryApi.clock(this.clock);
        queryApi.addWorkspace(SampleWorkspace.create(this.clock, StandardData.DEFAULT_SEED)).grant(SAMPLE_CLIENT_ID);
    }

    /**
     * A builder of emulators with a clock, a seed, data files and workspaces of their own, ready for a test:
     *
     * <pre>{@code
     * LogAnalyticsEmulator emulator = LogAnalyticsEmulator.builder()
     *         .clockFixedAt(Instant.parse("2026-03-01T12:00:00Z"))     // or clockOffset(Duration.ofDays(-1))
     *         .seed(42)                                                 // other generated sample records
     *         .data(Path.of("src/test/data"))                           // Orders_CL.ndjson: table Orders_CL
     *         .data("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", Path.of("src/test/other-workspace"))
     *         .build()
     *         .start();
     * }</pre>
     *
     * @return a builder of an emulator on ephemeral ports following the system clock, with the default seed
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an emulator: ports, clock, the sample data's seed, extra workspaces and data files loaded into them. Each
     * {@link #build()} makes a new emulator, so one builder serves many tests (as the JUnit extension uses it).
     */
    public static final class Builder {

        private int queryPort;
        private int tokenPort;
        private Clock clock = Clock.systemUTC();
        private java.time.Instant fixedAt;
        private java.time.Duration offset;
        private long seed = StandardData.DEFAULT_SEED;
        private final java.util.Map<String, List<Path>> data = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param  queryPort the query API's port, 0 (the default) for an ephemeral one
         * @param  tokenPort the token endpoint's HTTPS port, 0 (the default) for an ephemeral one
         * @return           this builder
         */
        public Builder ports(int queryPort, int tokenPort) {
            this.queryPort = queryPort;
            this.tokenPort = tokenPort;
            return this;
        }

        /**
         * Stops the emulator's clock at an instant: {@code now()} and {@code ago()} answer from it and the sample
         * records end there, the same on every run.
         *
         * @param  instant the instant
         * @return         this builder
         */
        public Builder clockFixedAt(java.time.Instant instant) {
            this.fixedAt = java.util.Objects.requireNonNull(instant, "instant");
            this.offset = null;
            return this;
        }

        /**
         * Makes the emulator's clock run with the system clock, set off by a duration.
         *
         * @param  offset added to the system clock (negative for the past)
         * @return        this builder
         */
        public Builder clockOffset(java.time.Duration offset) {
            this.offset = java.util.Objects.requireNonNull(offset, "offset");
            this.fixedAt = null;
            return this;
        }

        /**
         * Makes the emulator's clock follow a test's own clock.
         *
         * @param  clock the clock to follow
         * @return       this builder
         */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            this.fixedAt = null;
            this.offset = null;
            return this;
        }

        /**
         * @param  seed the seed of the sample workspace's generated records ({@link StandardData#DEFAULT_SEED} by
         *              default): the same seed and clock give the same records
         * @return      this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Loads a data file, or every data file of a directory, into the sample workspace, each a table named after
         * its file (see {@link Workspace#load(Path)}).
         *
         * @param  fileOrDir a {@code .json}, {@code .ndjson}, {@code .jsonl} or {@code .csv} file, or a directory
         * @return           this builder
         */
        public Builder data(Path fileOrDir) {
            return data(SAMPLE_WORKSPACE_ID, fileOrDir);
        }

        /**
         * Loads a data file, or every data file of a directory, into a workspace, made when it is not the sample
         * workspace (the sample client may read it).
         *
         * @param  workspaceId the workspace id
         * @param  fileOrDir   a data file or a directory of them
         * @return             this builder
         */
        public Builder data(String workspaceId, Path fileOrDir) {
            data.computeIfAbsent(java.util.Objects.requireNonNull(workspaceId, "workspaceId"), k -> new java.util.ArrayList<>())
                    .add(java.util.Objects.requireNonNull(fileOrDir, "fileOrDir"));
            return this;
        }

        /**
         * Adds an empty workspace (answering 204 until a table holds a record), which the sample client may read.
         *
         * @param  workspaceId the workspace id
         * @return             this builder
         */
        public Builder workspace(String workspaceId) {
            data.computeIfAbsent(java.util.Objects.requireNonNull(workspaceId, "workspaceId"), k -> new java.util.ArrayList<>());
            return this;
        }

        /**
         * Makes the emulator, not started, and loads its data.
         *
         * @return the emulator
         * @throws IllegalArgumentException naming the file when a data file cannot be parsed or does not fit its
         *                                  schema
         * @throws UncheckedIOException     when a data file cannot be read
         */
        public LogAnalyticsEmulator build() {
            LogAnalyticsEmulator emulator = new LogAnalyticsEmulator(queryPort, tokenPort, clock);
            if (fixedAt != null) {
                emulator.clock().fixAt(fixedAt);
            } else if (offset != null) {
                emulator.clock().offsetBy(offset);
            }
            if (seed != StandardData.DEFAULT_SEED) {
                emulator.resetSampleWorkspace(seed);
            }
            data.forEach((workspaceId, paths) -> {
                emulator.workspace(workspaceId);
                paths.forEach(path -> emulator.load(workspaceId, path));
            });
            return emulator;
        }
    }

    /**
     * @return the emulator's clock: fix it ({@link EmulatorClock#fixAt}), set it off ({@link EmulatorClock#offsetBy})
     *         or move it ({@link EmulatorClock#advance}); the sample records are anchored at its instant when a query
     *         first reads them, so set it before the first query
     */
    public EmulatorClock clock() {
        return clock;
    }

    /**
     * Replaces the sample workspace with a fresh one generated from another seed (same seed, same records), anchored
     * at the clock's instant when a query first reads it; grants and attached resources are those of a new one.
     *
     * @param  seed the generator's seed ({@link StandardData#DEFAULT_SEED} by default)
     * @return      the new sample workspace
     */
    public Workspace resetSampleWorkspace(long seed) {
        synchronized (queryApi) {
            return queryApi.addWorkspace(SampleWorkspace.create(clock, seed)).grant(SAMPLE_CLIENT_ID);
        }
    }

    /**
     * Loads a data file, or every data file of a directory, into a workspace (created when new): each file a table
     * named after it ({@code Orders_CL.ndjson} is table {@code Orders_CL}), replacing a table of that name. See
     * {@link io.github.camelloganalytics.testkit.load.TableLoader} for the formats and schema files.
     *
     * @param  workspaceId the workspace
     * @param  fileOrDir   a {@code .json} (a query API response or an array of objects), {@code .ndjson},
     *                     {@code .jsonl} or {@code .csv} file, or a directory of them
     * @return             the tables loaded
     */
    public List<Table> load(String workspaceId, Path fileOrDir) {
        return workspace(workspaceId).load(fileOrDir);
    }

    /**
     * Starts the token endpoint, then the query API.
     *
     * @return this emulator
     * @throws UncheckedIOException when a port cannot be bound
     */
    public synchronized LogAnalyticsEmulator start() {
        if (started) {
            throw new IllegalStateException("Already started");
        }
        tokenEndpoint.start();
        try {
            queryApi.start(queryPort);
        } catch (IOException e) {
            tokenEndpoint.close();
            throw new UncheckedIOException("Cannot bind the query API on port " + queryPort, e);
        }
        started = true;
        return this;
    }

    /** Stops both servers. Idempotent. */
    @Override
    public synchronized void close() {
        queryApi.close();
        tokenEndpoint.close();
        started = false;
    }

    /** @return the query API's base URL, {@code http://127.0.0.1:PORT}: the component's {@code host} */
    public String queryUrl() {
        return queryApi.baseUrl();
    }

    /** @return the query API's port */
    public int queryPort() {
        return queryApi.port();
    }

    /**
     * @return the authority host, {@code https://localhost:PORT}: the component's {@code authorityHost}; the token
     *         URL is {@code authorityUrl()/{tenant}/oauth2/v2.0/token}
     */
    public String authorityUrl() {
        return tokenEndpoint.authorityUrl();
    }

    /** @return the token endpoint's HTTPS port */
    public int tokenPort() {
        return tokenEndpoint.port();
    }

    /** @return an SSL context trusting the token endpoint's self-signed certificate, for clients */
    public SSLContext sslContext() {
        return tokenEndpoint.sslContext();
    }

    /** @return the sample tenant's id */
    public String tenantId() {
        return SAMPLE_TENANT_ID;
    }

    /**
     * Gets a workspace, creating an empty one when there is none of that id (the sample client may read it; a query
     * answers 204 until a table holds a record). A new workspace lives in the sample subscription, resource group
     * {@value #DEFAULT_RESOURCE_GROUP}, named {@code law-} plus the id's first eight characters, for the ARM door.
     *
     * @param  id the workspace id
     * @return    the workspace
     */
    public Workspace workspace(String id) {
        synchronized (queryApi) {
            return queryApi.workspace(id).orElseGet(() -> queryApi.addWorkspace(new Workspace(id,
                    SampleWorkspace.SUBSCRIPTION_ID, DEFAULT_RESOURCE_GROUP,
                    "law-" + id.substring(0, Math.min(8, id.length())).toLowerCase(Locale.ROOT)))
                    .grant(SAMPLE_CLIENT_ID));
        }
    }

    /** @return the sample workspace */
    public Workspace sampleWorkspace() {
        return workspace(SAMPLE_WORKSPACE_ID);
    }

    /**
     * Removes a workspace: its queries are answered 404 {@code WorkspaceNotFoundError}.
     *
     * @param id the workspace id
     */
    public void removeWorkspace(String id) {
        queryApi.removeWorkspace(id);
    }

    /** @return every workspace */
    public Collection<Workspace> workspaces() {
        return queryApi.workspaces();
    }

    /** @return the clients of the sample tenant */
    public Clients clients() {
        return clients;
    }

    /** @return the scripted faults */
    public Faults faults() {
        return queryApi.faults();
    }

    /** @return the query API's request log (tokens redacted) */
    public RequestLog requestLog() {
        return queryApi.requestLog();
    }

    /** @return the service limits enforced */
    public Limits limits() {
        return queryApi.limits();
    }

    /** @return the most queries one client had running at once */
    public int maxInFlightObserved() {
        return queryApi.maxInFlightObserved();
    }

    /**
     * @return a bearer token of the sample client for the direct API (app-only), valid for the token lifetime
     * @throws IllegalStateException before {@link #start()}: tokens name the token endpoint's port as issuer
     */
    public String token() {
        return clients.appToken(SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE);
    }

    /** @return the query API server, for what the facade does not expose */
    public QueryApiServer queryApi() {
        return queryApi;
    }

    /** @return the token endpoint, for what the facade does not expose (other grants, recorded token requests) */
    public TokenEndpoint tokenEndpoint() {
        return tokenEndpoint;
    }
}
