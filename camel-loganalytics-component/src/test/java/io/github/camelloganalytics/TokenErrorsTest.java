package io.github.camelloganalytics;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.error.AuthenticationException;
import io.github.camelloganalytics.error.InvalidGrantException;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.InvalidTokenException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_CLIENT_ID;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token failures reach the route as typed exceptions from their real causes: a refused grant, a refused client, an
 * unknown tenant, an authority nobody answers at, a token for the wrong audience; a token the service refuses as
 * invalid is renewed and the query retried once.
 */
class TokenErrorsTest extends EmulatorAuthSupport {

    private static <T extends LogAnalyticsException> T assertExactly(Class<T> type, Exception e) {
        assertInstanceOf(type, e, String.valueOf(e));
        assertEquals(type, e.getClass(), String.valueOf(e));
        return type.cast(e);
    }

    @Test
    void anExpiredRefreshTokenIsAnInvalidGrantWithAadsts70008CaughtByOnException() throws Exception {
        String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID, SAMPLE_CLIENT_ID,
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
        // revoked, as after its lifetime, a password change or "sign out everywhere"
        emulator.tokenEndpoint().expireRefreshToken(refreshToken);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidGrantException.class).handled(true)
                        .setBody(exchange -> exchange.getProperty("CamelExceptionCaught", InvalidGrantException.class)
                                .getAadstsCodes());
                from("direct:delegated").to(uri("credentialType=REFRESH_TOKEN&" + sampleClient() + "&refreshToken=RAW("
                                                 + refreshToken + ")"));
            }
        });
        int queriesBefore = emulator.requestLog().size();

        assertEquals(List.of(70002, 70008), template.requestBody("direct:delegated", QUERY));
        assertEquals("invalid_grant", lastTokenRequest().error());
        assertEquals(queriesBefore, emulator.requestLog().size(), "no query without a token");
    }

    @Test
    void aReusedRefreshTokenIsAnInvalidGrantWithAadsts70008() throws Exception {
        String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID, SAMPLE_CLIENT_ID,
                "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c");
        // someone else redeems it first (another process holding a copy): the token is used up
        HttpResponse<String> first = HttpClient.newBuilder().sslContext(emulator.sslContext()).build().send(
                HttpRequest.newBuilder(URI.create(emulator.tokenEndpoint().tokenUrl(SAMPLE_TENANT_ID)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                                                                  + SAMPLE_CLIENT_ID + "&client_secret="
                                                                  + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET
                                                                  + "&scope=" + Clients.DIRECT_API_SCOPE
                                                                  + "&refresh_token=" + refreshToken))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());

        Exception e = failure(uri("credentialType=REFRESH_TOKEN&" + sampleClient() + "&refreshToken=RAW("
                                  + refreshToken + ")"));
        InvalidGrantException refused = assertExactly(InvalidGrantException.class, e);
        assertEquals(List.of(70002, 70008), refused.getAadstsCodes());
        assertTrue(!refused.getMessage().contains(refreshToken), e.getMessage());
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationExceptionWithTheServiceMessage() {
        Exception e = failure(uri("tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + SAMPLE_CLIENT_ID
                                  + "&clientSecret=RAW(not-the-secret)"));
        AuthenticationException refused = assertExactly(AuthenticationException.class, e);
        assertEquals("token-invalid-client", refused.getCatalogEntry().id());
        assertEquals("invalid_client", refused.getErrorCode());
        assertTrue(refused.getMessage().contains("AADSTS7000215: Invalid client secret provided"), e.getMessage());
        assertTrue(!refused.getMessage().contains("not-the-secret"), e.getMessage());
    }

    @Test
    void anUnknownTenantIsAnAuthenticationExceptionWithTheServiceMessage() {
        Exception e = failure(uri("tenantId=00000000-dead-beef-0000-000000000000&clientId=" + SAMPLE_CLIENT_ID
                                  + "&clientSecret=RAW(" + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET + ")"));
        AuthenticationException refused = assertExactly(AuthenticationException.class, e);
        assertEquals("token-unknown-tenant", refused.getCatalogEntry().id());
        assertTrue(refused.getMessage().contains("AADSTS90002: Tenant '00000000-dead-beef-0000-000000000000' not"
                                                 + " found"), e.getMessage());
    }

    @Test
    void anUnreachableAuthorityIsAnAuthenticationException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exception e = failure("loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl()
                              + "&authorityHost=https://localhost:" + closedPort + "&" + sampleClient());
        AuthenticationException unreachable = assertExactly(AuthenticationException.class, e);
        assertEquals("authority-unreachable", unreachable.getCatalogEntry().id());
        assertTrue(unreachable.getMessage().contains("https://localhost:" + closedPort), e.getMessage());
    }

    @Test
    void aScopeForTheWrongAudienceIsRefusedByTheServiceAndNotRetried() {
        emulator.requestLog().clear();
        Exception e = failure(uri(sampleClient() + "&scope=" + Clients.ARM_SCOPE));

        InvalidTokenAudienceException wrong = assertExactly(InvalidTokenAudienceException.class, e);
        assertEquals("https://management.azure.com/", wrong.getTokenAudience());
        assertTrue(lastTokenRequest().scope().contains(Clients.ARM_SCOPE), lastTokenRequest().scope());
        // a new token for the same scope would be refused the same way: one request only
        assertEquals(1, emulator.requestLog().size());
        assertEquals(403, emulator.requestLog().last().status());
    }

    @Test
    void theScopeFollowsTheCloud() {
        // the emulator serves the public cloud's audiences, so a China token is refused there, as Azure would
        Exception e = failure(uri(sampleClient() + "&cloud=AZURE_CHINA"));
        assertExactly(InvalidTokenAudienceException.class, e);
        assertTrue(lastTokenRequest().scope().contains("https://api.loganalytics.azure.cn/.default"),
                lastTokenRequest().scope());
    }

    @Test
    void aTokenTheServiceRefusesIsDroppedAndTheQueryRetriedOnceWithANewOne() throws Exception {
        // a provider whose cached token went bad (expired early, key rolled over): invalidate makes it renew
        AtomicInteger invalidations = new AtomicInteger();
        context.getRegistry().bind("renewing", new TokenProvider() {
            @Override
            public String token(String scope) {
                return invalidations.get() == 0
                        ? emulator.clients().expiredAppToken(SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE)
                        : emulator.clients().appToken(SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE);
            }

            @Override
            public void invalidate(String scope) {
                invalidations.incrementAndGet();
            }
        });
        emulator.requestLog().clear();

        assertEquals(3, rows(uri("tokenProvider=#renewing")).size());

        List<LoggedRequest> requests = emulator.requestLog().entries();
        assertEquals(List.of(403, 200), requests.stream().map(LoggedRequest::status).toList());
        assertEquals(1, invalidations.get());
    }

    @Test
    void aFixedAccessTokenTheServiceRefusesFailsWithoutARetry() {
        emulator.requestLog().clear();
        Exception e = failure(uri("accessToken=RAW("
                                  + emulator.clients().expiredAppToken(SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE)
                                  + ")"));
        assertExactly(InvalidTokenException.class, e);
        assertEquals(1, emulator.requestLog().size());
    }
}
