package io.github.camelloganalytics.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.kql.KqlEngine;
import io.github.camelloganalytics.testkit.kql.KqlResult;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.KqlSyntaxException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.SourceTable;
import io.github.camelloganalytics.testkit.kql.TableResolver;
import io.github.camelloganalytics.testkit.token.TokenVerifier;
import io.github.camelloganalytics.testkit.token.VerifiedToken;

/**
 * The emulated query API on a loopback HTTP(S) server: the direct door ({@code /v1/workspaces/{id}/query}), the ARM
 * door ({@code /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.OperationalInsights/workspaces/{n}/api/query})
 * and resource-centric queries ({@code /v1{resourceId}/query}), GET and POST.
 *
 * <p>
 * A request is checked in the service's order, so each documented error arises from its cause: path and verb (404
 * {@code PathNotFoundError}), {@code Authorization} (401 {@code AuthenticationFailed}), token (403
 * {@code InvalidAuthenticationToken}), audience (403 {@code InvalidAuthenticationTokenAudience}), ARM
 * {@code api-version} (400), body and content type (empty 200), workspace (404 {@code WorkspaceNotFoundError}),
 * access (403 {@code UnauthorizedClient} / {@code InsufficientAccessError}), the client's concurrency slot (429),
 * scripted faults, syntax (400 {@code SyntaxError}), data (204), semantics (400 {@code SemanticError}), then the
 * result, truncated at the row limit with the service's partial error.
 *
 * <p>
 * {@link LogAnalyticsEmulator} wires it to the emulator's token endpoint; it can also run alone with any
 * {@link TokenVerifier}.
 */
public final class QueryApiServer implements AutoCloseable {

    /** Audiences the direct and resource-centric doors accept. */
    public static final List<String> DIRECT_AUDIENCES = List.of("https://api.loganalytics.io",
            "https://api.loganalytics.azure.com");
    /** Audiences the ARM door accepts (as the service's wrong-audience message lists them). */
    public static final List<String> ARM_AUDIENCES = List.of("https://management.core.windows.net/",
            "https://management.azure.com/");

    private static final String MALFORMED = "{\"tables\":[{\"name\":\"PrimaryResult\" \"columns\":[}";

    private final TokenVerifier verifier;
    private final Limits limits = new Limits();
    private final Faults faults = new Faults();
    private final RequestLog requestLog = new RequestLog();
    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ResultJson resultJson = new ResultJson();
    private volatile boolean detailedSyntaxErrors;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private HttpServer server;
    private ExecutorService executor;
    private String scheme;

    /**
     * @param verifier checks the bearer tokens (signature, issuer, lifetime)
     */
    public QueryApiServer(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Starts serving plain HTTP on loopback.
     *
     * @param  port        the port, 0 for any free one
     * @return             this server
     * @throws IOException when the port cannot be bound
     */
    public QueryApiServer start(int port) throws IOException {
        return start(port, null);
    }

    /**
     * Starts serving on loopback, over HTTPS when a TLS context is given.
     *
     * @param  port        the port, 0 for any free one
     * @param  tls         the server's TLS context (with its key), or null for plain HTTP
     * @return             this server
     * @throws IOException when the port cannot be bound
     */
    public synchronized QueryApiServer start(int port, SSLContext tls) throws IOException {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        LoopbackServers.prepare();
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
            scheme = "https";
        } else {
            server = HttpServer.create(address, 128);
            scheme = "http";
        }
        AtomicInteger n = new AtomicInteger();
        // queued queries block their thread, so the pool must grow rather than starve other clients
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loganalytics-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** @return the bound port */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not started");
        }
        return server.getAddress().getPort();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234}: the component's {@code host} */
    public String baseUrl() {
        return scheme + "://127.0.0.1:" + port();
    }

    /** Stops serving and frees the port. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /**
     * @param  clock what a query's {@code now()} and relative timespans read (the emulator's clock)
     * @return       this server
     */
    public QueryApiServer clock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Adds (or replaces) a workspace.
     *
     * @param  workspace the workspace
     * @return           it
     */
    public Workspace addWorkspace(Workspace workspace) {
        workspaces.put(workspace.id().toLowerCase(Locale.ROOT), workspace);
        return workspace;
    }

    /**
     * @param  id a workspace id (any case, as the service treats GUIDs)
     * @return    the workspace
     */
    public Optional<Workspace> workspace(String id) {
        return Optional.ofNullable(workspaces.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Removes a workspace; its queries are answered 404 {@code WorkspaceNotFoundError} from then on.
     *
     * @param id the workspace id
     */
    public void removeWorkspace(String id) {
        workspaces.remove(id.toLowerCase(Locale.ROOT));
    }

    /** @return the workspaces */
    public Collection<Workspace> workspaces() {
        return List.copyOf(workspaces.values());
    }

    /** @return the limits enforced, to change before traffic starts */
    public Limits limits() {
        return limits;
    }

    /** @return the scripted faults */
    public Faults faults() {
        return faults;
    }

    /** @return the request log */
    public RequestLog requestLog() {
        return requestLog;
    }

    /** @return the most queries one client had running at once since start or the last reset */
    public int maxInFlightObserved() {
        return maxInFlight.get();
    }

    /** Resets {@link #maxInFlightObserved()}. */
    public void resetMaxInFlightObserved() {
        maxInFlight.set(0);
    }

    /**
     * Answers a syntax error with the service's nested, precise body ({@code SYN0002}, line, position, token)
     * instead of the documented plain {@code SyntaxError} body. Off by default: the documented body is the one the
     * error page shows. The precise reason is in the request log either way.
     *
     * @param  detailed true for the nested body
     * @return          this server
     */
    public QueryApiServer detailedSyntaxErrors(boolean detailed) {
        this.detailedSyntaxErrors = detailed;
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** An answer before it is written. */
    private record Answer(int status, String body, Map<String, String> headers, Fault.BodyAction action,
                          String detail) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), Fault.BodyAction.NONE, null);
        }

        Answer detail(String d) {
            return new Answer(status, body, headers, action, d);
        }

        /** The answer with one more header; one it already has (a scripted Retry-After, say) wins. */
        Answer withHeader(String name, String value) {
            if (value == null || headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                return this;
            }
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, action, detail);
        }
    }

    /** Thrown inside the pipeline to answer early; keeps each check a single line. */
    private static final class Reply extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Answer answer;

        Reply(Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    /** One client's concurrency slots and queue. */
    private static final class Gate {
        final int size;
        final Semaphore slots;
        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();

        Gate(int size) {
            this.size = size;
            this.slots = new Semaphore(size, true);
        }
    }

    private void handle(HttpExchange ex) {
        String requestId = UUID.randomUUID().toString();
        byte[] body = new byte[0];
        Answer answer;
        try {
            body = ex.getRequestBody().readAllBytes();
            answer = serve(ex, body);
        } catch (Reply r) {
            answer = r.answer;
        } catch (RuntimeException | IOException e) {
            answer = Answer.of(500, ErrorBodies.forStatus(500)).detail(e.toString());
        }
        try {
            send(ex, requestId, body, answer);
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            ex.close();
        }
    }

    private Answer serve(HttpExchange ex, byte[] body) {
        String method = ex.getRequestMethod();
        RequestParts.Route route = RequestParts.route(ex.getRequestURI().getRawPath());
        if (route == null || !(method.equals("GET") || method.equals("POST"))) {
            return Answer.of(404, ErrorBodies.PATH_NOT_FOUND);
        }
        Headers in = ex.getRequestHeaders();
        VerifiedToken token = authenticate(in.getFirst("Authorization"), route.door());
        Map<String, String> params = RequestParts.params(ex.getRequestURI().getRawQuery());
        if (route.door() == RequestParts.Door.ARM) {
            String version = params.get("api-version");
            if (version == null || version.isBlank()) {
                return Answer.of(400, ErrorBodies.missingApiVersion());
            }
            if (!limits.armApiVersions().contains(version)) {
                return Answer.of(400, ErrorBodies.invalidApiVersion(version, limits.armApiVersions()));
            }
        }
        Instant now = clock.instant(); // the query's now(); deadlines below stay on real time
        String query = params.get("query");
        List<String> extraWorkspaces = new ArrayList<>(RequestParts.split(params.get("workspaces")));
        Timespan timespan = timespan(params.get("timespan"), now);
        if (method.equals("POST")) {
            String contentType = in.getFirst("Content-Type");
            JsonNode json = null;
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("application/json")) {
                try {
                    json = mapper.readTree(body);
                } catch (IOException e) {
                    json = null;
                }
            }
            if (json == null || !json.isObject()) {
                // the documented quirk: no JSON or no JSON content type is an empty 200, not an error
                return Answer.of(200, null).detail("POST without a JSON body or without Content-Type: application/json");
            }
            query = json.hasNonNull("query") ? json.get("query").asText() : null;
            if (json.hasNonNull("timespan")) {
                Timespan t = timespan(json.get("timespan").asText(), now);
                timespan = timespan == null ? t : timespan.intersect(t);
            }
            JsonNode ws = json.get("workspaces");
            if (ws != null && ws.isArray()) {
                ws.forEach(w -> extraWorkspaces.add(w.asText()));
            } else if (ws != null && ws.isTextual()) {
                extraWorkspaces.addAll(RequestParts.split(ws.asText()));
            }
        }
        if (query == null || query.isBlank()) {
            return Answer.of(400, ErrorBodies.badArgument("MissingRequiredParameter",
                    "The request must contain a query"));
        }
        List<Target> targets = targets(route, extraWorkspaces);
        for (Target t : targets) {
            if (route.door() == RequestParts.Door.DIRECT && token.appOnly() && t.workspace.refusesClientCredentialsOnDirectApi()) {
                String principal = token.subject() != null ? token.subject() : token.clientId();
                return Answer.of(403, ErrorBodies.unauthorizedClient(principal));
            }
            if (!t.workspace.hasAccess(token.clientId(), token.subject())) {
                return Answer.of(403, ErrorBodies.INSUFFICIENT_ACCESS);
            }
        }
        Map<String, String> prefer = RequestParts.prefer(in.get("Prefer"));
        Duration serverTimeout = limits.defaultServerTimeout();
        if (prefer.containsKey("wait")) {
            try {
                long s = Long.parseLong(prefer.get("wait").trim());
                serverTimeout = Duration.ofSeconds(Math.max(1, Math.min(600, s)));
            } catch (NumberFormatException e) {
                return Answer.of(400, ErrorBodies.badArgument("InvalidPreferHeader",
                        "The wait preference must be a number of seconds"));
            }
        }
        Instant deadline = Instant.now().plus(serverTimeout);
        String clientKey = token.clientId() + "/" + token.subject();
        Gate gate = enter(clientKey);
        try {
            return run(query, targets, timespan, prefer, deadline, now)
                    .withHeader(LiveHeaders.PREFERENCE_APPLIED, LiveHeaders.preferenceApplied(prefer, serverTimeout));
        } finally {
            gate.running.decrementAndGet();
            gate.slots.release();
        }
    }

    private Gate enter(String clientKey) {
        int size = limits.maxConcurrentPerClient();
        Gate gate = gates.compute(clientKey, (k, g) -> g == null || g.size != size && g.running.get() == 0
                ? new Gate(size) : g);
        if (!gate.slots.tryAcquire()) {
            if (gate.queued.incrementAndGet() > limits.maxQueuedPerClient()) {
                gate.queued.decrementAndGet();
                throw throttle("Too many queries are queued for this client");
            }
            boolean acquired;
            try {
                acquired = gate.slots.tryAcquire(limits.maxQueueWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            } finally {
                gate.queued.decrementAndGet();
            }
            if (!acquired) {
                throw throttle("The query waited in the queue longer than allowed");
            }
        }
        int running = gate.running.incrementAndGet();
        maxInFlight.accumulateAndGet(running, Math::max);
        return gate;
    }

    private Reply throttle(String message) {
        return new Reply(new Answer(429, ErrorBodies.throttled(message),
                Map.of("Retry-After", limits.throttleRetryAfter()), Fault.BodyAction.NONE, message));
    }

    private Answer run(String query, List<Target> targets, Timespan timespan, Map<String, String> prefer,
                       Instant deadline, Instant now) {
        Optional<Fault> fault = faults.take(query);
        Fault.BodyAction action = Fault.BodyAction.NONE;
        if (fault.isPresent()) {
            Fault f = fault.get();
            if (!f.delayValue().isZero() && !sleepUntil(Instant.now().plus(f.delayValue()), deadline)) {
                return Answer.of(504, ErrorBodies.gatewayTimeout()).detail("Scripted delay past the server timeout");
            }
            if (f.status() > 0) {
                Map<String, String> headers = f.retryAfterValue() == null ? Map.of()
                        : Map.of("Retry-After", f.retryAfterValue());
                String b = f.bodyValue() != null ? f.bodyValue() : ErrorBodies.forStatus(f.status());
                return new Answer(f.status(), b, headers, f.bodyAction(), "Scripted fault");
            }
            action = f.bodyAction();
        }
        try {
            KqlEngine.checkSyntax(query);
        } catch (KqlSyntaxException e) {
            String b = detailedSyntaxErrors
                    ? ErrorBodies.preciseSyntax(e.getMessage(), e.line(), e.position(), e.token())
                    : ErrorBodies.SYNTAX_ERROR;
            return new Answer(400, b, Map.of(), action, e.getMessage());
        }
        if (targets.stream().allMatch(t -> t.workspace.hasNoData())) {
            return new Answer(204, null, Map.of(), Fault.BodyAction.NONE, "The workspace has no data");
        }
        long started = System.nanoTime();
        long[] scanned = new long[1];
        List<long[]> datasets = new ArrayList<>();
        KqlResult result;
        try {
            result = KqlEngine.run(query, new TableResolver() {
                @Override
                public Optional<SourceTable> resolve(String name) {
                    return QueryApiServer.this.resolve(name, targets, timespan, scanned, datasets);
                }

                @Override
                public List<String> tableNames() { // names only: union T* generates just the tables it matches
                    Set<String> names = new LinkedHashSet<>();
                    targets.forEach(t -> names.addAll(t.workspace.tableNames()));
                    return List.copyOf(names);
                }
            }, now);
        } catch (KqlSemanticException e) {
            return new Answer(400, ErrorBodies.semantic(e.code(), e.getMessage()), Map.of(), action, e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Object[]> rows = result.rows();
        String partialError = null;
        int limit = limits.rowLimit();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            partialError = ErrorBodies.rowLimitPartialError(limit);
        }
        if (action == Fault.BodyAction.PARTIAL_RESULT) {
            rows = rows.subList(0, rows.size() / 2);
            partialError = ErrorBodies.rowLimitPartialError(limit);
        }
        String json = resultJson.write(result, rows, partialError, prefer,
                new ResultJson.Statistics(seconds, scanned[0], rows.size(), datasets.size()));
        return new Answer(200, json, Map.of(), action == Fault.BodyAction.PARTIAL_RESULT ? Fault.BodyAction.NONE
                : action, partialError == null ? null : "Partial result");
    }

    /** Sleeps until {@code until}; false (after sleeping to the deadline) when the deadline comes first. */
    private static boolean sleepUntil(Instant until, Instant deadline) {
        boolean inTime = !until.isAfter(deadline);
        Instant wake = inTime ? until : deadline;
        try {
            long ms = Duration.between(Instant.now(), wake).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return inTime;
    }

    /** A workspace a query reads, and the resource whose records alone it sees (resource-centric), or null. */
    private record Target(Workspace workspace, String resourceFilter) {
    }

    private List<Target> targets(RequestParts.Route route, List<String> extra) {
        List<Target> targets = new ArrayList<>();
        switch (route.door()) {
            case DIRECT -> targets.add(new Target(workspace(route.first())
                    .orElseThrow(() -> new Reply(Answer.of(404, ErrorBodies.workspaceNotFound(route.first())))),
                    null));
            case ARM -> targets.add(new Target(workspaces.values().stream()
                    .filter(w -> w.subscriptionId().equalsIgnoreCase(route.first())
                            && w.resourceGroup().equalsIgnoreCase(route.second())
                            && w.name().equalsIgnoreCase(route.third()))
                    .findFirst()
                    .orElseThrow(() -> new Reply(Answer.of(404, ErrorBodies.workspaceNotFound(route.third())))),
                    null));
            default -> {
                String resourceId = route.first();
                for (Workspace w : workspaces.values()) {
                    if (w.resourceId().equalsIgnoreCase(resourceId)) {
                        targets.add(new Target(w, null));
                    } else if (w.holdsResource(resourceId)) {
                        targets.add(new Target(w, resourceId));
                    }
                }
                if (targets.isEmpty()) {
                    throw new Reply(Answer.of(404, ErrorBodies.resourceNotFound(resourceId)));
                }
            }
        }
        for (String name : extra) {
            Workspace w = workspaces.values().stream()
                    .filter(x -> x.id().equalsIgnoreCase(name) || x.name().equalsIgnoreCase(name)
                            || x.resourceId().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new Reply(Answer.of(404, ErrorBodies.workspaceNotFound(name))));
            if (targets.stream().noneMatch(t -> t.workspace == w)) {
                targets.add(new Target(w, null));
            }
        }
        return targets;
    }

    private Optional<SourceTable> resolve(String name, List<Target> targets, Timespan timespan, long[] scanned,
                                          List<long[]> datasets) {
        List<Column> columns = null;
        List<Row> rows = new ArrayList<>();
        for (Target target : targets) {
            Optional<Table> found = target.workspace.table(name);
            if (found.isEmpty()) {
                continue;
            }
            Table table = found.get();
            if (columns == null) {
                columns = table.columns();
            }
            int[] mapping = new int[columns.size()];
            for (int i = 0; i < mapping.length; i++) {
                int idx = table.columnIndex(columns.get(i).name());
                mapping[i] = idx >= 0 && table.columns().get(idx).type() == columns.get(i).type() ? idx : -1;
            }
            int tg = table.timeGeneratedIndex();
            int resourceColumn = table.columnIndex("_ResourceId");
            List<TableRecord> records = table.records();
            datasets.add(new long[] { records.size() });
            for (TableRecord r : records) {
                scanned[0]++;
                if (timespan != null && tg >= 0 && !timespan.contains((Instant) r.value(tg))) {
                    continue;
                }
                if (target.resourceFilter != null && (resourceColumn < 0 || r.value(resourceColumn) == null
                        || !target.resourceFilter.equalsIgnoreCase(r.value(resourceColumn).toString()))) {
                    continue;
                }
                Object[] v = new Object[mapping.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = mapping[i] >= 0 ? r.value(mapping[i]) : null;
                }
                rows.add(new Row(v, r.ingestionTime()));
            }
        }
        return columns == null ? Optional.empty() : Optional.of(new SourceTable(columns, rows));
    }

    private VerifiedToken authenticate(String authorization, RequestParts.Door door) {
        if (authorization == null || authorization.isBlank()) {
            throw new Reply(Answer.of(401, ErrorBodies.AUTHENTICATION_FAILED));
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            throw new Reply(Answer.of(403, ErrorBodies.INVALID_TOKEN).detail("Not a bearer token"));
        }
        Optional<VerifiedToken> token = verifier.verify(value.substring(7).trim());
        if (token.isEmpty()) {
            throw new Reply(Answer.of(403, ErrorBodies.INVALID_TOKEN).detail("The token did not verify"));
        }
        List<String> allowed = door == RequestParts.Door.ARM ? ARM_AUDIENCES : DIRECT_AUDIENCES;
        String audience = token.get().audience();
        if (audience == null || !allowed.contains(audience)) {
            throw new Reply(Answer.of(403, ErrorBodies.invalidAudience(String.valueOf(audience), allowed)));
        }
        return token.get();
    }

    private Timespan timespan(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Timespan.parse(text, now);
        } catch (RuntimeException e) {
            throw new Reply(Answer.of(400, ErrorBodies.badArgument("InvalidTimespanError",
                    "The timespan '" + text + "' is not an ISO 8601 duration or interval")));
        }
    }

    private void send(HttpExchange ex, String requestId, byte[] requestBody, Answer a) throws IOException {
        Headers out = ex.getResponseHeaders();
        LiveHeaders.apply(a.status(), out, ex.getRequestHeaders(), a.headers());
        if (a.status() >= 400 && a.body() != null) {
            // the live service names every failure by a correlation id, the one its support asks for
            a = new Answer(a.status(), ErrorBodies.withCorrelationId(a.body(), requestId), a.headers(), a.action(),
                    a.detail());
        }
        requestLog.add(new LoggedRequest(Instant.now(), ex.getRequestMethod(), ex.getRequestURI().toString(),
                redacted(ex.getRequestHeaders()), new String(requestBody, StandardCharsets.UTF_8), a.status(),
                requestId, a.detail()));
        if (a.body() == null) {
            ex.sendResponseHeaders(a.status(), -1);
            return;
        }
        out.set("Content-Type", "application/json; charset=utf-8");
        String text = a.action() == Fault.BodyAction.MALFORMED ? MALFORMED : a.body();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (a.action() == Fault.BodyAction.TRUNCATED) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        }
        String acceptEncoding = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(bytes);
            }
            bytes = zipped.toByteArray();
            out.set("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(a.status(), bytes.length);
        OutputStream body = ex.getResponseBody();
        if (a.action() == Fault.BodyAction.DROP_CONNECTION) {
            body.write(bytes, 0, bytes.length / 2);
            body.flush();
            // closing with bytes still owed makes the JDK server drop the connection: the client sees EOF mid-body
            return;
        }
        body.write(bytes);
    }

    private static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase("Authorization")) {
                List<String> masked = new ArrayList<>();
                for (String value : v) {
                    int sp = value.indexOf(' ');
                    masked.add(sp > 0 ? value.substring(0, sp) + " <redacted>" : "<redacted>");
                }
                copy.put(k, List.copyOf(masked));
            } else {
                copy.put(k, List.copyOf(v));
            }
        });
        return copy;
    }
}
