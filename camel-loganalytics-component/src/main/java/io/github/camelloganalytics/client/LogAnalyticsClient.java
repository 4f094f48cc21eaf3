package io.github.camelloganalytics.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;

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

    private final ConnectionPool pool;
    private final ServiceEndpoints endpoints;
    private final TokenProvider tokens;
    private final RequestConfig requestConfig;
    private final Duration responseTimeout;
    private final Executor readAhead;

    /**
     * @param pool            the shared connections
     * @param endpoints       where each door is and which scope its tokens need
     * @param tokens          where tokens come from
     * @param responseTimeout how long to wait for the service to answer, and between two reads of its body
     * @param readAhead       runs the reading of large bodies beside their parsing; null to read every body in
     *                        the caller's thread
     */
    public LogAnalyticsClient(ConnectionPool pool, ServiceEndpoints endpoints, TokenProvider tokens,
                              Duration responseTimeout, Executor readAhead) {
        this.pool = pool;
        this.readAhead = readAhead;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build();
    }

    /**
     * Runs one query.
     *
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
            tokens.invalidate(scope);
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
        try (ClassicHttpResponse response = pool.http().executeOpen(null, post, null)) {
            requestId = headerOr(response, REQUEST_ID, clientRequestId);
            int status = response.getCode();
            // per attempt, so TRACE: the endpoint logs the one DEBUG line per query, once rows are counted
            LOG.trace("Query on {} answered {} after {} ms, request id {}", target, status,
                    (System.nanoTime() - started) / 1_000_000, requestId);
            if (status == 200) {
                return QueryResponse.of(readBody(response.getEntity(), reader, requestId), requestId,
                        headerOr(response, PREFERENCE_APPLIED, null));
            }
            if (status == 204) {
                EntityUtils.consume(response.getEntity());
                return QueryResponse.noData(requestId, headerOr(response, PREFERENCE_APPLIED, null));
            }
            String body = errorBody(response.getEntity());
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            throw ErrorCatalog.fromResponse(status, body, requestId, retryAfter != null ? retryAfter.getValue() : null);
        } catch (SocketTimeoutException e) {
            throw ErrorCatalog.responseTimeout(requestId, responseTimeout, e);
        } catch (IOException e) {
            throw ErrorCatalog.connectionFailed(baseUrl.toString(), requestId, e);
        }
    }

    private <T> T readBody(HttpEntity entity, BodyReader<T> reader, String requestId)
            throws IOException, LogAnalyticsException {
        if (entity == null) {
            throw ErrorCatalog.emptyResponse(requestId);
        }
        InputStream content = entity.getContent();
        if (readAhead != null) {
            content = new ReadAheadInputStream(content, readAhead, READ_AHEAD_AFTER);
        }
        try (PushbackInputStream body = new PushbackInputStream(content, 1)) {
            int first = body.read();
            if (first < 0) {
                throw ErrorCatalog.emptyResponse(requestId);
            }
            body.unread(first);
            return reader.read(body);
        } catch (MalformedResultException e) {
            throw ErrorCatalog.malformed(200, requestId, null, e);
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

    private static String errorBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String headerOr(ClassicHttpResponse response, String name, String fallback) {
        Header header = response.getFirstHeader(name);
        return header != null && !header.getValue().isBlank() ? header.getValue() : fallback;
    }
}
