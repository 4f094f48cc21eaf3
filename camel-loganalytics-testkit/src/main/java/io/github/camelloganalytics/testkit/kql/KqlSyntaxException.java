package io.github.camelloganalytics.testkit.kql;

/**
 * The text is not KQL (valid KQL the engine does not run is a {@link NotSupportedByEmulatorException} instead). The
 * service answers it 400 {@code BadArgumentError} / {@code SyntaxError}.
 */
public final class KqlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int position;
    private final String token;

    /**
     * @param message  the precise reason, in the service's words ({@code Query could not be parsed at ...})
     * @param line     1-based line of the offending token
     * @param position 0-based position of the token within its line
     * @param token    the offending token's text
     */
    public KqlSyntaxException(String message, int line, int position, String token) {
        super(message);
        this.line = line;
        this.position = position;
        this.token = token;
    }

    /** @return 1-based line of the offending token */
    public int line() {
        return line;
    }

    /** @return 0-based position of the offending token within its line */
    public int position() {
        return position;
    }

    /** @return the offending token's text */
    public String token() {
        return token;
    }
}
