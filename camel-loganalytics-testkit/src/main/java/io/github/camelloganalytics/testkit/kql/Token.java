package io.github.camelloganalytics.testkit.kql;

/**
 * One lexical token of a query.
 *
 * @param kind     what it is
 * @param text     its text (for strings: the unescaped value; for raw literals: the text between the parentheses)
 * @param value    for numbers and timespans: the parsed value ({@link Long}, {@link Double} or {@link java.time.Duration})
 * @param line     1-based line
 * @param position 0-based position within the line
 */
record Token(Kind kind, String text, Object value, int line, int position) {

    /** Token kinds. */
    enum Kind {
        IDENT,
        LONG,
        REAL,
        TIMESPAN,
        STRING,
        RAW,
        PUNCT,
        EOF
    }

    boolean is(String punctOrWord) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
    }
}
