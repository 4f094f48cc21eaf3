package io.github.camelloganalytics.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.error.AuthenticationException;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.InvalidTokenException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.result.MalformedResultException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Log Analytics query API as plain Java: one method a call. It sends the query, hands a successful body to a
 * {@link BodyReader} while it streams in, and turns every failure into the typed exception
 * {@link ErrorCatalog} names for it.
 */
public final class LogAnalyticsClient {

    private static final Logger LOG = LoggerFactory.getLogger(LogAnalyticsClient.class);

    /** Error bodies are small; a proxy's error page may not be, and only its start helps a diagnosis. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final String REQUEST_ID = "x-ms-request-id";
    private static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";
    private static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * A body is read ahead on another thread once this much of it was read: far above a typical result, so only
     * large ones pay the hand-over, and early enough that most of a large one is read beside its parsing.
     */
    static final long READ_AHEAD_AFTER = 256 * 1024;

    /**
     * Where the client takes its connections from at each query: a pool that lives as long as the component is
     * started, so a client kept across a restart finds the new one.
     */
    @FunctionalInterface
    public interface PoolSource {
        /**
         * @return                       the pool to send the next request on, open
         * @throws LogAnalyticsException when there is none, such as while the component is stopped
         */
        ConnectionPool pool() throws LogAnalyticsException;
    }

    private final PoolSource pools;
    private final ServiceEndpoints endpoints;
    private final TokenProvider tokens;
    private final RequestConfig requestConfig;
    private final Duration responseTimeout;
    private final long maxResponseSize;
    private final Supplier<Executor> readAhead;

    /**
     * @param pool            the shared connections
     * @param endpoints       where each door is and which scope its tokens need
     * @param tokens          where tokens come from
     * @param responseTimeout how long the whole answer may take, from sending the request to its last byte
     * @param maxResponseSize how many bytes a response body may have, decoded
     * @param readAhead       gives what runs the reading of large bodies beside their parsing; null (or a
     *                        supplier giving null) to read every body in the caller's thread
     */
    public LogAnalyticsClient(PoolSource pool, ServiceEndpoints endpoints, TokenProvider tokens,
                              Duration responseTimeout, long maxResponseSize, Supplier<Executor> readAhead) {
        this.pools = pool;
        this.readAhead = readAhead;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
        this.maxResponseSize = maxResponseSize;
        // each read is bounded too, though the deadline of the whole answer comes first
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build();
    }

    /**
     * Runs one query.
     *
     * @param  <T>                      the type the reader makes of a body
     * @param  request                  the query
     * @param  reader                   reads a successful body
     * @return                          the body, or a no-data answer for a 204
     * @throws LogAnalyticsException    the typed failure, as {@link ErrorCatalog} maps it
     * @throws IllegalArgumentException when the request names no target
     */
    public <T> QueryResponse<T> query(QueryRequest request, BodyReader<T> reader) throws LogAnalyticsException {
        ApiTarget target = request.getTarget();
        if (target == null) {
            throw new IllegalArgumentException("The query names no target (workspace, ARM workspace or resource)");
        }
        String scope = endpoints.scope(target);
        String token = token(scope);
        try {
            return send(request, target, reader, token);
        } catch (LogAnalyticsException e) {
            if (!freshTokenMayHelp(e)) {
                throw e;
            }
            // only the refused token: another query may have brought a new one meanwhile
            tokens.invalidate(scope, token);
            String fresh = token(scope);
            if (fresh.equals(token)) {
                // a provider that cannot renew (a fixed accessToken) would only be refused again
                throw e;
            }
            LOG.debug("The service refused the token ({}); retrying once with a new one", e.getErrorCode());
            return send(request, target, reader, fresh);
        }
    }

    /**
     * An expired or otherwise invalid token (403 {@code InvalidAuthenticationToken}, or a 401) may pass when
     * renewed; a token for the wrong audience or an identity without access fails the same way with any new token.
     */
    static boolean freshTokenMayHelp(LogAnalyticsException e) {
        return e instanceof InvalidTokenException
               || e instanceof AuthenticationException && !(e instanceof InvalidTokenAudienceException)
                  && e.getStatusCode() == 401;
    }

    private <T> QueryResponse<T> send(QueryRequest request, ApiTarget target, BodyReader<T> reader, String token)
            throws LogAnalyticsException {
        ConnectionPool pool = pools.pool();
        try {
            return sendOnce(pool, request, target, reader, token);
        } catch (StaleConnection stale) {
            // the server had closed the kept-alive connection before this request reached it: nothing ran, and a
            // query is safe to send again; once, on a fresh connection
            LOG.debug("A kept-alive connection to {} was closed by the server ({}); sending again on a new one",
                    target, stale.getCause().toString());
            pool.closeIdle();
            try {
                return sendOnce(pool, request, target, reader, token);
            } catch (StaleConnection again) {
                throw ErrorCatalog.connectionFailed(endpoints.baseUrl(target).toString(), again.requestId,
                        again.getCause());
            }
        }
    }

    /** A request that failed before any byte of an answer arrived, on a connection the pool had kept alive. */
    private static final class StaleConnection extends Exception {
        private static final long serialVersionUID = 1L;
        private final String requestId;

        StaleConnection(String requestId, IOException cause) {
            super(cause);
            this.requestId = requestId;
        }
    }

    private <T> QueryResponse<T> sendOnce(ConnectionPool pool, QueryRequest request, ApiTarget target,
                                          BodyReader<T> reader, String token)
            throws LogAnalyticsException, StaleConnection {
        String clientRequestId = UUID.randomUUID().toString();
        URI baseUrl = endpoints.baseUrl(target);
        HttpPost post = new HttpPost(endpoints.queryUri(target));
        post.setConfig(requestConfig);
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setHeader(CLIENT_REQUEST_ID, clientRequestId);
        String prefer = request.preferHeader();
        if (prefer != null) {
            post.setHeader("Prefer", prefer);
        }
        post.setEntity(new ByteArrayEntity(jsonBody(request), ContentType.APPLICATION_JSON));

        long started = System.nanoTime();
        String requestId = clientRequestId;
        HttpClientContext context = HttpClientContext.create();
        Body body = new Body();
        ClassicHttpResponse response = null;
        // past the deadline the request is aborted: its connection closes, so every read on it fails at once,
        // in this thread and in a thread reading the body ahead alike
        Deadline deadline = Deadline.after(responseTimeout, post::cancel);
        try {
            response = pool.http().executeOpen(null, post, context);
            requestId = headerOr(response, REQUEST_ID, clientRequestId);
            int status = response.getCode();
            // per attempt, so TRACE: the endpoint logs the one DEBUG line per query, once rows are counted
            LOG.trace("Query on {} answered {} after {} ms, request id {}", target, status,
                    (System.nanoTime() - started) / 1_000_000, requestId);
            if (status == 200) {
                T result = readBody(response.getEntity(), reader, requestId, body);
                // what follows the JSON is read through the limit and under the deadline too, so that closing
                // the response has nothing left to drain
                body.stream.transferTo(OutputStream.nullOutputStream());
                body.whole = true;
                return QueryResponse.of(result, requestId, headerOr(response, PREFERENCE_APPLIED, null));
            }
            if (status == 204) {
                EntityUtils.consume(response.getEntity());
                body.whole = true;
                return QueryResponse.noData(requestId, headerOr(response, PREFERENCE_APPLIED, null));
            }
            String errorBody = errorBody(response.getEntity(), body);
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            throw ErrorCatalog.fromResponse(status, errorBody, requestId,
                    retryAfter != null ? retryAfter.getValue() : null);
        } catch (LogAnalyticsException e) {
            throw overruled(e, deadline, body, requestId);
        } catch (MalformedResultException e) {
            throw overruled(ErrorCatalog.malformed(200, requestId, null, e), deadline, body, requestId);
        } catch (SocketTimeoutException e) {
            throw overruled(ErrorCatalog.responseTimeout(requestId, responseTimeout, e), deadline, body, requestId);
        } catch (IOException e) {
            LogAnalyticsException failure = overruled(
                    ErrorCatalog.connectionFailed(baseUrl.toString(), requestId, e), deadline, body, requestId);
            if (response == null && !deadline.passed() && isStale(e, context)) {
                throw new StaleConnection(requestId, e);
            }
            throw failure;
        } catch (RuntimeException | Error e) {
            if (pool.isClosed()) {
                // the component stopped under this query; the HTTP library says so with an IllegalStateException
                throw ErrorCatalog.componentStopped("The loganalytics component", e);
            }
            if (deadline.passed() || body.exceeded()) {
                throw overruled(ErrorCatalog.malformed(200, requestId, null, e), deadline, body, requestId);
            }
            throw e;
        } finally {
            if (!body.whole) {
                // the answer was not read to its end: closing would read (drain) the rest of it first, however
                // long; aborting drops the connection at once instead
                post.cancel();
            }
            body.close();
            closeQuietly(response);
            deadline.close();
        }
    }

    /** A deadline that passed or a body past its limit explains any failure that came with it. */
    private LogAnalyticsException overruled(LogAnalyticsException failure, Deadline deadline, Body body,
                                            String requestId) {
        if (body.exceeded()) {
            return ErrorCatalog.responseTooLarge(requestId, maxResponseSize, failure.getCause());
        }
        if (deadline.passed()) {
            return ErrorCatalog.responseTimeout(requestId, responseTimeout, failure.getCause());
        }
        return failure;
    }

    /**
     * Nothing came back on a connection that had served requests before: the server closed it while it idled in
     * the pool (a keep-alive timeout, a restart), which is not a failure of this request.
     */
    static boolean isStale(IOException e, HttpClientContext context) {
        if (!(e instanceof NoHttpResponseException || e instanceof SocketException
              || e instanceof ConnectionClosedException)) {
            return false;
        }
        EndpointDetails details = context.getEndpointDetails();
        // a connection that carried a request before this one has sent more than this request's bytes
        return details != null && details.getRequestCount() > 1;
    }

    /** The body being read: its limit and how far it got, and the streams to close. */
    private static final class Body {
        SizeLimitedInputStream limited;
        InputStream stream;
        boolean whole;

        boolean exceeded() {
            return limited != null && limited.exceeded();
        }

        void close() {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException | RuntimeException e) {
                    // an aborted body fails to close; the connection is dropped either way
                }
            }
        }
    }

    private <T> T readBody(HttpEntity entity, BodyReader<T> reader, String requestId, Body body)
            throws IOException, LogAnalyticsException {
        if (entity == null) {
            throw ErrorCatalog.emptyResponse(requestId);
        }
        body.limited = new SizeLimitedInputStream(entity.getContent(), maxResponseSize);
        InputStream content = body.limited;
        Executor executor = readAhead != null ? readAhead.get() : null;
        if (executor != null) {
            content = new ReadAheadInputStream(content, executor, READ_AHEAD_AFTER);
        }
        PushbackInputStream stream = new PushbackInputStream(content, 1);
        body.stream = stream;
        int first = stream.read();
        if (first < 0) {
            throw ErrorCatalog.emptyResponse(requestId);
        }
        stream.unread(first);
        return reader.read(stream);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                // the request was aborted, or the connection broke: it is discarded either way
            }
        }
    }

    private String token(String scope) throws LogAnalyticsException {
        try {
            return tokens.token(scope);
        } catch (LogAnalyticsException e) {
            throw e;
        } catch (Exception e) {
            throw ErrorCatalog.tokenUnavailable(scope, e);
        }
    }

    static byte[] jsonBody(QueryRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(request.getQuery().length() + 64);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("query", request.getQuery());
            if (request.getTimespan() != null) {
                json.writeStringField("timespan", request.getTimespan());
            }
            if (!request.getAdditionalWorkspaces().isEmpty()) {
                json.writeArrayFieldStart("workspaces");
                for (String workspace : request.getAdditionalWorkspaces()) {
                    json.writeString(workspace);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of an error body; a body longer than that is not read further (its connection is dropped). */
    private static String errorBody(HttpEntity entity, Body body) throws IOException {
        if (entity == null) {
            body.whole = true;
            return "";
        }
        InputStream in = entity.getContent();
        body.stream = in;
        byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
        body.whole = bytes.length < MAX_ERROR_BODY || in.read() < 0;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String headerOr(ClassicHttpResponse response, String name, String fallback) {
        Header header = response.getFirstHeader(name);
        return header != null && !header.getValue().isBlank() ? header.getValue() : fallback;
    }
}
