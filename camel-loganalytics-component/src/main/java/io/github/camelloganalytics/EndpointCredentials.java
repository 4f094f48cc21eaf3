package io.github.camelloganalytics;

import java.util.function.UnaryOperator;

import io.github.camelloganalytics.auth.CredentialOptions;
import io.github.camelloganalytics.auth.Credentials;

/**
 * Reads an endpoint's credential options into the auth package's value, and resolves them against the process
 * environment, so that validation at creation and the token provider at start agree.
 */
final class EndpointCredentials {

    private EndpointCredentials() {
    }

    static CredentialOptions resolve(LogAnalyticsConfiguration config, UnaryOperator<String> environment) {
        CredentialOptions options = new CredentialOptions(config.getCredentialType(), config.getTenantId(),
                config.getClientId(), config.getClientSecret(), config.getCertificatePath(),
                config.getCertificatePassword(), config.getFederatedTokenFile(), config.getRefreshToken(),
                config.getAccessToken(), config.getTokenProvider(), config.getAuthorityHost(),
                config.getTokenCredential());
        return Credentials.resolve(options, environment, config.getCloud().authorityHost());
    }
}
