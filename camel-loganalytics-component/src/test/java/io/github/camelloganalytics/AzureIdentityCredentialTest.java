package io.github.camelloganalytics;

import javax.net.ssl.TrustManagerFactory;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.github.camelloganalytics.error.AuthenticationException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code credentialType=AZURE_IDENTITY}: an Azure application's own azure-identity {@code TokenCredential} gets the
 * tokens, here a real {@code ClientSecretCredential} against the testkit's HTTPS token endpoint (azure-identity runs
 * MSAL4J underneath, over its own Netty HTTP client, trusting the endpoint's certificate as a user would a private
 * CA).
 */
class AzureIdentityCredentialTest extends EmulatorAuthSupport {

    private static TokenCredential clientSecretCredential(String secret) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(emulator.tokenEndpoint().trustStore());
        SslContext tls = SslContextBuilder.forClient().trustManager(trust).build();
        HttpClient http = new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(tls))).build();
        return new ClientSecretCredentialBuilder()
                .authorityHost(emulator.authorityUrl())
                .tenantId(LogAnalyticsEmulator.SAMPLE_TENANT_ID)
                .clientId(LogAnalyticsEmulator.SAMPLE_CLIENT_ID)
                .clientSecret(secret)
                .disableInstanceDiscovery()
                .httpClient(http)
                .build();
    }

    private static String azureUri(String options) {
        return "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl()
               + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void aClientSecretCredentialBeanGetsTheTokensAndTheyAreCached() throws Exception {
        context.getRegistry().bind("azureCredential", clientSecretCredential(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
        int before = tokenRequests();
        String uri = azureUri("credentialType=AZURE_IDENTITY&tokenCredential=#azureCredential");

        assertEquals(3, rows(uri).size());
        assertEquals(3, rows(uri).size());

        assertEquals(1, tokenRequests() - before, "one token for both queries");
        RecordedTokenRequest request = lastTokenRequest();
        assertEquals(200, request.status(), request.toString());
        assertEquals("client_credentials", request.grantType());
        assertEquals(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, request.clientId());
        assertTrue(request.scope().contains("https://api.loganalytics.io/.default"), request.scope());
        assertEquals(200, emulator.requestLog().last().status());
    }

    @Test
    void autoChoosesTheTokenCredentialWhenItIsTheOneCredentialOptionSet() throws Exception {
        context.getRegistry().bind("azureCredential", clientSecretCredential(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
        assertEquals(3, rows(azureUri("tokenCredential=#azureCredential")).size());
        assertEquals(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, lastTokenRequest().clientId());
    }

    @Test
    void aRefusedSecretReachesTheRouteAsTheCataloguedAuthenticationException() throws Exception {
        context.getRegistry().bind("azureCredential", clientSecretCredential("not-the-secret"));
        Exception e = failure(azureUri("credentialType=AZURE_IDENTITY&tokenCredential=#azureCredential"));
        AuthenticationException refused = assertInstanceOf(AuthenticationException.class, e, String.valueOf(e));
        assertEquals(AuthenticationException.class, refused.getClass(), String.valueOf(e));
        assertEquals("invalid_client", refused.getErrorCode());
        assertFalse(refused.getMessage().contains("not-the-secret"), refused.getMessage());
    }

    @Test
    void aBeanThatIsNoTokenCredentialIsRefusedAtCreationNamingTheOption() {
        context.getRegistry().bind("notACredential", "just a string");
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(azureUri("credentialType=AZURE_IDENTITY&tokenCredential=#notACredential")));
        assertTrue(e.getMessage().contains("Invalid value for option tokenCredential: a java.lang.String is not a"
                                           + " com.azure.core.credential.TokenCredential"), e.getMessage());
    }

    @Test
    void aTokenCredentialBesideAnotherCredentialOptionIsRefusedAtCreation() throws Exception {
        context.getRegistry().bind("azureCredential", clientSecretCredential(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(azureUri("credentialType=AZURE_IDENTITY&tokenCredential=#azureCredential"
                                                   + "&accessToken=RAW(abc)")));
        assertTrue(e.getMessage().contains("credentialType=AZURE_IDENTITY does not use the option accessToken"),
                e.getMessage());
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
    }
}
