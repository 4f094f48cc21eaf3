package io.github.camelloganalytics.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out one token per scope until it is due for renewal, then fetches the next one.
 * <p>
 * MSAL4J keeps a token cache of its own, but (SERVICE-FACTS) its confidential-client cache never hits against an
 * authority with an explicit port, and its refresh-ahead logic is not ours to tune; this cache makes "one token
 * request per lifetime" hold for every credential type. A token is renewed when the lesser of five minutes and
 * half its lifetime is left, so a query never leaves with a token about to expire in flight.
 * <p>
 * Requests for one provider are serialized while a token is fetched, so that many concurrent queries cost one token
 * request, not one each.
 */
public final class CachingTokenProvider implements TokenProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CachingTokenProvider.class);

    /** Entra ID renews its own cached tokens five minutes ahead; so do we, unless the token lives shorter. */
    static final Duration MAX_RENEWAL_MARGIN = Duration.ofMinutes(5);

    private final TokenSource source;
    private final String description;
    private final Clock clock;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    CachingTokenProvider(TokenSource source, String description, Clock clock) {
        this.source = source;
        this.description = description;
        this.clock = clock;
    }

    @Override
    public String token(String scope) throws Exception {
        Cached cached = tokens.get(scope);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.token().token();
        }
        synchronized (this) {
            cached = tokens.get(scope);
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.renewAt())) {
                return cached.token().token();
            }
            AccessToken fresh = source.fetch(scope);
            Cached entry = new Cached(fresh, renewalTime(now, fresh.expiresAt()));
            tokens.put(scope, entry);
            LOG.debug("{}: new token for scope {}, expires at {}, renewed from {}", description, scope,
                    fresh.expiresAt(), entry.renewAt());
            return fresh.token();
        }
    }

    @Override
    public void invalidate(String scope) {
        if (tokens.remove(scope) != null) {
            LOG.debug("{}: token for scope {} refused by the service, dropped", description, scope);
        }
    }

    /** Drops the cached token only if it is the refused one: a token renewed meanwhile stays. */
    @Override
    public void invalidate(String scope, String refusedToken) {
        Cached cached = tokens.get(scope);
        if (cached != null && cached.token().token().equals(refusedToken) && tokens.remove(scope, cached)) {
            LOG.debug("{}: token for scope {} refused by the service, dropped", description, scope);
        }
    }

    /** Forgets every token; the component does this when it stops. */
    @Override
    public void close() {
        tokens.clear();
    }

    static Instant renewalTime(Instant obtainedAt, Instant expiresAt) {
        Duration lifetime = Duration.between(obtainedAt, expiresAt);
        if (lifetime.isNegative()) {
            return obtainedAt;
        }
        Duration half = lifetime.dividedBy(2);
        return expiresAt.minus(half.compareTo(MAX_RENEWAL_MARGIN) < 0 ? half : MAX_RENEWAL_MARGIN);
    }

    @Override
    public String toString() {
        return "CachingTokenProvider[" + description + "]";
    }

    private record Cached(AccessToken token, Instant renewAt) {
    }
}
