package io.github.camelloganalytics.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token was issued for another resource than the endpoint called: HTTP 403
 * {@code InvalidAuthenticationTokenAudience}. {@link #getTokenAudience()} and {@link #getAllowedAudiences()} are
 * read from the service's message ("The access token has been obtained from wrong audience or resource '...'. It
 * should exactly match (including forward slash) with one of the allowed audiences '...','...'.").
 * <p>
 * What to do: this occurs when a token obtained for the direct API ({@code https://api.loganalytics.io}) is used
 * on the ARM endpoint, or the other way round. Ask for a token for one of the allowed audiences (for ARM,
 * {@code https://management.azure.com/}), or call the endpoint the token was issued for.
 */
public class InvalidTokenAudienceException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private static final Pattern TOKEN_AUDIENCE = Pattern.compile("audience or resource '([^']*)'");
    private static final Pattern ALLOWED = Pattern.compile("allowed audiences?\\s*((?:'[^']*'\\s*,?\\s*)+)");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /** The audience the presented token was issued for; may be null. */
    private final String tokenAudience;
    /** The audiences the endpoint accepts. */
    private final List<String> allowedAudiences;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public InvalidTokenAudienceException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
        String message = details.getServiceMessage() == null ? "" : details.getServiceMessage();
        Matcher audience = TOKEN_AUDIENCE.matcher(message);
        this.tokenAudience = audience.find() ? audience.group(1) : null;
        List<String> allowed = new ArrayList<>();
        Matcher list = ALLOWED.matcher(message);
        if (list.find()) {
            Matcher quoted = QUOTED.matcher(list.group(1));
            while (quoted.find()) {
                allowed.add(quoted.group(1));
            }
        }
        this.allowedAudiences = List.copyOf(allowed);
    }

    /**
     * The audience (resource) the presented token was issued for, as the service named it; or null.
     *
     * @return the audience (resource) the presented token was issued for, as the service named it; or null
     */
    public String getTokenAudience() {
        return tokenAudience;
    }

    /**
     * The audiences the endpoint accepts, in the service's order; empty when the message named none.
     *
     * @return the audiences the endpoint accepts, in the service's order; empty when the message named none
     */
    public List<String> getAllowedAudiences() {
        return allowedAudiences;
    }
}
