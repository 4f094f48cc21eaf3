package io.github.camelloganalytics.testkit.kql;

/**
 * Valid KQL that the emulator does not run (an operator, function or option the engine lacks). The emulator
 * answers it 400 with the innererror code {@value #CODE}, naming what is missing and where, so a test never passes
 * on a query the emulator misread and never meets a syntax error the service would not send.
 */
public final class NotSupportedByEmulatorException extends KqlSemanticException {

    private static final long serialVersionUID = 1L;

    /** The innererror code. */
    public static final String CODE = "NotSupportedByEmulator";

    /**
     * @param what     what is not supported, e.g. {@code operator 'fork'}
     * @param line     1-based line
     * @param position 0-based position within the line
     */
    public NotSupportedByEmulatorException(String what, int line, int position) {
        super(CODE, "The emulator does not support " + what + " (line " + line + ", position " + position
                + "); the Log Analytics service would run it");
    }
}
