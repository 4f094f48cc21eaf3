package io.github.camelloganalytics.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * MSAL4J's HTTP client for the token endpoint (and instance discovery, managed-identity endpoints), sending through
 * the component's own {@link ConnectionPool}: the token requests take the same proxy (with its credentials, which
 * MSAL4J's default client would only give through a JVM-wide {@code java.net.Authenticator}), the same TLS trust
 * and the same connect timeout as the queries.
 * <p>
 * Each answer is bounded as a query's is: {@code responseTimeout} for the whole answer, past which the request is
 * aborted and the call fails with a {@link SocketTimeoutException}, and a size limit on the body (token endpoint
 * answers are a few kilobytes), past which it fails with an {@link IOException}. A kept-alive connection the server
 * had closed meanwhile, likely since token requests come an hour apart, is retried once on a fresh one.
 */
public final class MsalHttpClient implements IHttpClient {

    /** Far above any answer of the token endpoint, instance discovery or a managed-identity endpoint. */
    static final long MAX_ANSWER = 1024 * 1024;

    /** Headers the HTTP library writes itself; MSAL4J's copies would be refused as duplicates. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "transfer-encoding", "host",
            "connection");

    private final LogAnalyticsClient.PoolSource pools;
    private final Duration responseTimeout;
    private final RequestConfig requestConfig;

    /**
     * @param pools           where to take the connections from at each request
     * @param responseTimeout how long a whole answer may take, from sending the request to its last byte
     */
    public MsalHttpClient(LogAnalyticsClient.PoolSource pools, Duration responseTimeout) {
        this.pools = pools;
        this.responseTimeout = responseTimeout;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build();
    }

    /**
     * Sends one request of MSAL4J.
     *
     * @param  request   what MSAL4J sends: method, URL, headers and a form or no body
     * @return           the status, headers (looked up in any case) and body
     * @throws Exception an {@link IOException} when no whole answer came, or what {@link LogAnalyticsClient.PoolSource}
     *                   throws when the component is stopped
     */
    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        ConnectionPool pool = pools.pool();
        try {
            return sendOnce(pool, request);
        } catch (StaleConnectionException stale) {
            pool.closeIdle();
            try {
                return sendOnce(pool, request);
            } catch (StaleConnectionException again) {
                throw again.failure;
            }
        }
    }

    private IHttpResponse sendOnce(ConnectionPool pool, HttpRequest request)
            throws IOException, StaleConnectionException {
        HttpUriRequestBase message;
        try {
            message = new HttpUriRequestBase(request.httpMethod().methodName, request.url().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("MSAL4J asked for a URL that is not a URI: " + e.getMessage(), e);
        }
        message.setConfig(requestConfig);
        if (request.headers() != null) {
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                if (header.getValue() != null && !OWN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    message.addHeader(header.getKey(), header.getValue());
                }
            }
        }
        if (request.body() != null) {
            // a form of URL-encoded ASCII; its Content-Type is among MSAL4J's headers
            message.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
        }
        HttpClientContext context = HttpClientContext.create();
        boolean whole = false;
        Deadline deadline = Deadline.after(responseTimeout, message::cancel);
        ClassicHttpResponse response = null;
        try {
            response = pool.http().executeOpen(null, message, context);
            if (response.getCode() == 407) {
                // the proxy's answer, not the authority's: MSAL4J would report it as an unknown service error
                throw new IOException("The proxy refused the request to " + request.url().getHost() + " with 407 "
                                      + response.getReasonPhrase() + ": set proxyAuthUsername and proxyAuthPassword"
                                      + " (or the user and password of HTTPS_PROXY) to credentials it accepts");
            }
            HttpEntity entity = response.getEntity();
            String body = "";
            if (entity != null) {
                try (InputStream in = new SizeLimitedInputStream(entity.getContent(), MAX_ANSWER)) {
                    body = new String(in.readAllBytes(), charset(entity));
                }
            }
            whole = true;
            return new Answer(response.getCode(), headers(response), body);
        } catch (IOException | RuntimeException e) {
            if (deadline.passed()) {
                throw new SocketTimeoutException("No whole answer from " + request.url().getHost() + " within "
                                                 + responseTimeout + " (responseTimeout)");
            }
            if (e instanceof IOException io && response == null && LogAnalyticsClient.isStale(io, context)) {
                throw new StaleConnectionException(io);
            }
            if (pool.isClosed()) {
                throw new IOException("The loganalytics component stopped while a token was requested", e);
            }
            throw e;
        } finally {
            if (!whole) {
                // never read the rest of an answer that failed or ran out of time: drop its connection
                message.cancel();
            }
            if (response != null) {
                try {
                    response.close();
                } catch (IOException | RuntimeException e) {
                    // an aborted answer fails to close; the connection is dropped either way
                }
            }
            deadline.close();
        }
    }

    /** Response headers by name, looked up in any case: MSAL4J asks for {@code Retry-After}, {@code x-ms-request-id}... */
    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = entity.getContentType() != null ? ContentType.parse(entity.getContentType()) : null;
            Charset charset = type != null ? type.getCharset() : null;
            return charset != null ? charset : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** MSAL4J's view of an answer; its own {@code HttpResponse} would copy the headers into a case-exact map. */
    private record Answer(int statusCode, Map<String, List<String>> headers, String body) implements IHttpResponse {
    }

    /** Nothing came back on a connection that had served a request before: the server had closed it. */
    private static final class StaleConnectionException extends Exception {
        private static final long serialVersionUID = 1L;
        private final IOException failure;

        StaleConnectionException(IOException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
