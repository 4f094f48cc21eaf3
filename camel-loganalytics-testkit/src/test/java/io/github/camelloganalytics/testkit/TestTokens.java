package io.github.camelloganalytics.testkit;

import java.time.Instant;
import java.util.Optional;

import io.github.camelloganalytics.testkit.token.TokenVerifier;
import io.github.camelloganalytics.testkit.token.VerifiedToken;

/**
 * A test-only verifier: accepts tokens of the form {@code test|audience|clientId|subject|app-or-user}, so the query
 * API's checks can be tested apart from the JWT issuer.
 */
final class TestTokens implements TokenVerifier {

    static final String CLIENT = "0f1e2d3c-4b5a-4697-8877-665544332211";
    static final String PRINCIPAL = "997631f8-3a55-4bb2-81b2-c0972b222260";
    static final String DIRECT = "https://api.loganalytics.io";
    static final String ARM = "https://management.azure.com/";

    static String token(String audience, String client, String subject, boolean app) {
        return "test|" + audience + "|" + client + "|" + subject + "|" + (app ? "app" : "user");
    }

    static String direct() {
        return token(DIRECT, CLIENT, PRINCIPAL, false);
    }

    @Override
    public Optional<VerifiedToken> verify(String bearer) {
        String[] p = bearer.split("\\|");
        if (p.length != 5 || !p[0].equals("test")) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(p[1], "tenant", p[2], p[3], p[4].equals("app"),
                Instant.now().plusSeconds(3600)));
    }
}
