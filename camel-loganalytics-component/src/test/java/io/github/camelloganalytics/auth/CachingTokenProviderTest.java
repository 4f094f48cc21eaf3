package io.github.camelloganalytics.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.camelloganalytics.client.ConnectionPool;
import io.github.camelloganalytics.client.MsalHttpClient;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import io.github.camelloganalytics.testkit.token.TokenEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The cache renews a token when the lesser of five minutes and half its lifetime is left, against the testkit's
 * token endpoint through the real MSAL4J; the clock is moved instead of waiting.
 */
class CachingTokenProviderTest {

    private static final String TENANT = "cache-tenant";
    private static final String CLIENT = "cache-client";
    private static final String SECRET = "cache-secret";
    private static final String SCOPE = "https://api.loganalytics.io/.default";

    private static TokenEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = new TokenEndpoint().start();
        endpoint.registerClient(TENANT, CLIENT, SECRET);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static CachingTokenProvider provider(Clock clock) throws Exception {
        CredentialOptions options = new CredentialOptions(CredentialType.CLIENT_SECRET, TENANT, CLIENT, SECRET, null,
                null, null, null, null, null, endpoint.authorityUrl(), null);
        ConnectionPool pool = new ConnectionPool(endpoint.sslContext(), Duration.ofSeconds(5));
        AuthorityConnection connection = new AuthorityConnection(new MsalHttpClient(() -> pool,
                Duration.ofSeconds(5)));
        return new CachingTokenProvider(new ConfidentialClientSource(options,
                ClientCredentialFactory.createFromSecret(SECRET), connection), "test", clock);
    }

    @Test
    void anHourLongTokenIsRenewedFiveMinutesBeforeItExpires() throws Exception {
        endpoint.setTokenLifetime(Duration.ofHours(1));
        MovableClock clock = new MovableClock();
        CachingTokenProvider tokens = provider(clock);
        int before = endpoint.tokenRequestCount();

        String first = tokens.token(SCOPE);
        clock.advance(Duration.ofMinutes(54));
        assertEquals(first, tokens.token(SCOPE));
        assertEquals(1, endpoint.tokenRequestCount() - before);

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        String renewed = tokens.token(SCOPE);
        assertNotEquals(first, renewed);
        assertEquals(2, endpoint.tokenRequestCount() - before);
        assertEquals(renewed, tokens.token(SCOPE));
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetime() throws Exception {
        endpoint.setTokenLifetime(Duration.ofMinutes(4));
        try {
            MovableClock clock = new MovableClock();
            CachingTokenProvider tokens = provider(clock);
            int before = endpoint.tokenRequestCount();

            String first = tokens.token(SCOPE);
            clock.advance(Duration.ofSeconds(110));
            assertEquals(first, tokens.token(SCOPE));
            clock.advance(Duration.ofSeconds(15));
            assertNotEquals(first, tokens.token(SCOPE));
            assertEquals(2, endpoint.tokenRequestCount() - before);
        } finally {
            endpoint.setTokenLifetime(Duration.ofHours(1));
        }
    }

    @Test
    void anInvalidatedTokenIsFetchedAgainAndOtherScopesKeepTheirs() throws Exception {
        CachingTokenProvider tokens = provider(new MovableClock());
        int before = endpoint.tokenRequestCount();
        String direct = tokens.token(SCOPE);
        String arm = tokens.token("https://management.azure.com/.default");

        tokens.invalidate(SCOPE);
        assertNotEquals(direct, tokens.token(SCOPE));
        assertEquals(arm, tokens.token("https://management.azure.com/.default"));
        assertEquals(3, endpoint.tokenRequestCount() - before);
    }

    @Test
    void aLateRefusalOfTheOldTokenKeepsTheFreshOne() throws Exception {
        CachingTokenProvider tokens = provider(new MovableClock());
        int before = endpoint.tokenRequestCount();
        String old = tokens.token(SCOPE);
        tokens.invalidate(SCOPE, old);
        String fresh = tokens.token(SCOPE);
        assertNotEquals(old, fresh);
        // another query, sent with the old token before the renewal, is refused only now
        tokens.invalidate(SCOPE, old);
        assertEquals(fresh, tokens.token(SCOPE));
        assertEquals(2, endpoint.tokenRequestCount() - before);
    }

    @Test
    void manyThreadsRefusedTheSameTokenCostOneRenewal() throws Exception {
        CachingTokenProvider tokens = provider(new MovableClock());
        int threads = 16;
        String old = tokens.token(SCOPE);
        int before = endpoint.tokenRequestCount();
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> renewed = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                renewed.add(pool.submit(() -> {
                    String used = tokens.token(SCOPE);
                    together.await(30, TimeUnit.SECONDS);
                    // each thread's query was refused with the token it used, the same one for all
                    tokens.invalidate(SCOPE, used);
                    return tokens.token(SCOPE);
                }));
            }
            Set<String> fresh = new HashSet<>();
            for (Future<String> f : renewed) {
                fresh.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, fresh.size(), "every thread got the one renewed token");
            assertFalse(fresh.contains(old));
            assertEquals(1, endpoint.tokenRequestCount() - before, "one token request for all refusals");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void renewalTime() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(t.plus(Duration.ofMinutes(55)), CachingTokenProvider.renewalTime(t, t.plus(Duration.ofHours(1))));
        assertEquals(t.plus(Duration.ofMinutes(2)), CachingTokenProvider.renewalTime(t, t.plus(Duration.ofMinutes(4))));
        assertEquals(t, CachingTokenProvider.renewalTime(t, t.minusSeconds(1)));
    }
}
