package io.github.camelloganalytics.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token endpoint refused the grant: {@code "error":"invalid_grant"}, for instance AADSTS70002 ("Error
 * validating credentials") with AADSTS70008 ("The provided authorization code or refresh token is expired").
 * {@link #getAadstsCodes()} lists the AADSTS numbers.
 * <p>
 * What to do: the authorization code or refresh token submitted in the token request was either stale or
 * previously used. Reauthorize through the authorize endpoint to get a new code or refresh token.
 */
public class InvalidGrantException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{1,9})");

    /** The AADSTS error numbers the token endpoint named. */
    private final List<Integer> aadstsCodes;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the token endpoint said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public InvalidGrantException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
        if (!details.getErrorCodes().isEmpty()) {
            this.aadstsCodes = details.getErrorCodes();
        } else {
            List<Integer> codes = new ArrayList<>();
            if (details.getServiceMessage() != null) {
                Matcher m = AADSTS.matcher(details.getServiceMessage());
                while (m.find()) {
                    Integer code = Integer.valueOf(m.group(1));
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
            }
            this.aadstsCodes = List.copyOf(codes);
        }
    }

    /**
     * The AADSTS error numbers: the token endpoint's {@code error_codes}, else those named {@code AADSTSnnnn} in
     * its {@code error_description}, in order; empty when there are none.
     *
     * @return the AADSTS error numbers: the token endpoint's {@code error_codes}, else those named {@code AADSTSnnnn}
     *         in its {@code error_description}, in order; empty when there are none
     */
    public List<Integer> getAadstsCodes() {
        return aadstsCodes;
    }
}
