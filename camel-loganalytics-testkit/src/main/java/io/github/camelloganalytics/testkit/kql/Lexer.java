package io.github.camelloganalytics.testkit.kql;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a query into tokens. Hand-written because KQL's literals ({@code 5m}, {@code datetime(2024-01-01)},
 * {@code @'verbatim'}) do not fit a generic tokenizer.
 */
final class Lexer {

    private static final String[] PUNCTS = { "..", "==", "!=", "<=", ">=", "=~", "!~", "|", "(", ")", ",", ";", "=",
            "<", ">", "+", "-", "*", "/", "[", "]", "{", "}", ".", ":", "!" };

    /** Timespan units as KQL spells them, in 100 ns ticks. */
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("d", 864_000_000_000L), Map.entry("day", 864_000_000_000L), Map.entry("days", 864_000_000_000L),
            Map.entry("h", 36_000_000_000L), Map.entry("hr", 36_000_000_000L), Map.entry("hrs", 36_000_000_000L),
            Map.entry("hour", 36_000_000_000L), Map.entry("hours", 36_000_000_000L),
            Map.entry("m", 600_000_000L), Map.entry("min", 600_000_000L), Map.entry("minute", 600_000_000L),
            Map.entry("minutes", 600_000_000L),
            Map.entry("s", 10_000_000L), Map.entry("sec", 10_000_000L), Map.entry("second", 10_000_000L),
            Map.entry("seconds", 10_000_000L),
            Map.entry("ms", 10_000L), Map.entry("milli", 10_000L), Map.entry("millis", 10_000L),
            Map.entry("millisecond", 10_000L), Map.entry("milliseconds", 10_000L),
            Map.entry("microsecond", 10L), Map.entry("microseconds", 10L),
            Map.entry("tick", 1L), Map.entry("ticks", 1L));

    private final String src;
    private int i;
    private int line = 1;
    private int lineStart;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String query) {
        Lexer l = new Lexer(query);
        l.run();
        return l.out;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (i >= src.length()) {
                out.add(new Token(Token.Kind.EOF, "", null, line, i - lineStart));
                return;
            }
            char c = src.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                        || src.charAt(i) == '$')) {
                    i++;
                }
                String word = src.substring(start, i);
                out.add(tok(Token.Kind.IDENT, word, null, start));
                if (word.equals("datetime")) {
                    rawArgument();
                }
            } else if (c == '@' && i + 1 < src.length() && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\'')) {
                i++;
                char q = src.charAt(i++);
                int end = src.indexOf(q, i);
                if (end < 0) {
                    throw unterminated(start);
                }
                out.add(tok(Token.Kind.STRING, src.substring(i, end), null, start));
                i = end + 1;
            } else if (c == '"' || c == '\'') {
                out.add(tok(Token.Kind.STRING, quoted(c, start), null, start));
            } else if (Character.isDigit(c)) {
                number(start);
            } else {
                String p = null;
                for (String candidate : PUNCTS) {
                    if (src.startsWith(candidate, i)) {
                        p = candidate;
                        break;
                    }
                }
                if (p == null) {
                    throw new KqlSyntaxException(parseMessage(String.valueOf(c), line, start - lineStart), line,
                            start - lineStart, String.valueOf(c));
                }
                i += p.length();
                // !contains, !has, !between are single operators in KQL
                if (p.equals("!") && i < src.length() && Character.isLetter(src.charAt(i))) {
                    int ws = i;
                    while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                        i++;
                    }
                    out.add(tok(Token.Kind.IDENT, "!" + src.substring(ws, i), null, start));
                } else {
                    out.add(tok(Token.Kind.PUNCT, p, null, start));
                }
            }
        }
    }

    /** {@code datetime(...)} takes its argument unquoted, e.g. {@code datetime(2024-01-01T10:00:00Z)}. */
    private void rawArgument() {
        int save = i;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (i >= src.length() || src.charAt(i) != '(') {
            i = save;
            return;
        }
        out.add(tok(Token.Kind.PUNCT, "(", null, i));
        i++;
        int start = i;
        int end = src.indexOf(')', i);
        if (end < 0) {
            throw unterminated(start);
        }
        String raw = src.substring(start, end).trim();
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
                && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            raw = raw.substring(1, raw.length() - 1);
        }
        out.add(tok(Token.Kind.RAW, raw, null, start));
        i = end;
        out.add(tok(Token.Kind.PUNCT, ")", null, i));
        i++;
    }

    private String quoted(char q, int start) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= src.length() || src.charAt(i) == '\n') {
                throw unterminated(start);
            }
            char c = src.charAt(i++);
            if (c == q) {
                return sb.toString();
            }
            if (c == '\\') {
                if (i >= src.length()) {
                    throw unterminated(start);
                }
                char e = src.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private void number(int start) {
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        boolean real = false;
        // a '.' followed by a digit is a fraction; '..' is the between range operator
        if (i + 1 < src.length() && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
            real = true;
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E') && i + 1 < src.length()
                && (Character.isDigit(src.charAt(i + 1)) || src.charAt(i + 1) == '-' || src.charAt(i + 1) == '+')) {
            real = true;
            i += 2;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        String num = src.substring(start, i);
        if (i < src.length() && Character.isLetter(src.charAt(i))) {
            int us = i;
            while (i < src.length() && Character.isLetter(src.charAt(i))) {
                i++;
            }
            String unit = src.substring(us, i).toLowerCase(Locale.ROOT);
            Long ticks = UNITS.get(unit);
            if (ticks == null) {
                String bad = src.substring(start, i);
                throw new KqlSyntaxException(parseMessage(bad, line, start - lineStart), line, start - lineStart, bad);
            }
            long total = new BigDecimal(num).multiply(BigDecimal.valueOf(ticks)).longValue();
            out.add(tok(Token.Kind.TIMESPAN, src.substring(start, i), Duration.ofNanos(total * 100), start));
            return;
        }
        try {
            if (real) {
                out.add(tok(Token.Kind.REAL, num, Double.valueOf(num), start));
            } else {
                out.add(tok(Token.Kind.LONG, num, Long.valueOf(num), start));
            }
        } catch (NumberFormatException e) {
            throw new KqlSyntaxException(parseMessage(num, line, start - lineStart), line, start - lineStart, num);
        }
    }

    private void skipSpaceAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else {
                return;
            }
        }
    }

    private Token tok(Token.Kind kind, String text, Object value, int start) {
        return new Token(kind, text, value, line, start - lineStart);
    }

    private KqlSyntaxException unterminated(int start) {
        String bad = src.substring(start, Math.min(src.length(), start + 1));
        return new KqlSyntaxException(parseMessage(bad, line, start - lineStart), line, start - lineStart, bad);
    }

    static String parseMessage(String token, int line, int position) {
        return "Query could not be parsed at '" + token + "' on line [" + line + "," + position + "]";
    }
}
