package io.github.camelloganalytics.auth;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.microsoft.aad.msal4j.MsalServiceException;
import io.github.camelloganalytics.error.AuthenticationException;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.LogAnalyticsException;

/**
 * Turns what MSAL4J throws into the catalog's typed exceptions: the token endpoint's OAuth errors by their
 * {@code error} ({@code invalid_grant} arrives as {@code MsalInteractionRequiredException}, a subclass of
 * {@code MsalServiceException}), an authority that cannot be reached by the I/O failure underneath.
 */
final class MsalErrors {

    private MsalErrors() {
    }

    static LogAnalyticsException translate(Throwable thrown, String authority, String scope) {
        Throwable failure = unwrap(thrown);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LogAnalyticsException typed) {
                // already typed by the component, such as ComponentStoppedException from its connection pool
                return typed;
            }
        }
        if (failure instanceof MsalServiceException service && service.errorCode() != null) {
            int status = service.statusCode() != null ? service.statusCode() : 0;
            LogAnalyticsException typed = ErrorCatalog.tokenError(status, service.errorCode(), service.getMessage(),
                    service.correlationId(), service);
            if (typed instanceof AuthenticationException) {
                return typed;
            }
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return ErrorCatalog.authorityUnreachable(authority, io);
        }
        return ErrorCatalog.tokenUnavailable(scope, failure);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
