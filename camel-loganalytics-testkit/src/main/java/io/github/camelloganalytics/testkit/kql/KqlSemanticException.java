package io.github.camelloganalytics.testkit.kql;

/**
 * The query parses but names a table or column that does not exist, or mixes types that do not go together. The
 * service answers it 400 {@code BadArgumentError} / {@code SemanticError} with a deeper code such as
 * {@code SEM0100}.
 */
public class KqlSemanticException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    the deepest innererror code, e.g. {@code SEM0100}
     * @param message the precise message, e.g. {@code 'where' operator: Failed to resolve scalar expression named 'Foo'}
     */
    public KqlSemanticException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the deepest innererror code */
    public String code() {
        return code;
    }
}
