package io.github.camelloganalytics.testkit.kql.parse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.value.DateTimes;

/** Reads the text of KQL literals into typed values. */
public final class Literals {

    private Literals() {
    }

    /**
     * @param  token a string literal's text, quotes and prefixes included
     * @return       the string it denotes
     */
    public static String string(String token) {
        String t = token;
        if (t.startsWith("```") || t.startsWith("~~~")) {
            return t.substring(3, t.length() - 3);
        }
        if (t.startsWith("h") || t.startsWith("H")) {
            t = t.substring(1);
        }
        if (t.startsWith("@")) {
            char q = t.charAt(1);
            return t.substring(2, t.length() - 1).replace("" + q + q, "" + q);
        }
        String body = t.substring(1, t.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param  token a {@code datetime(...)}, {@code timespan(...)}, {@code time(...)} or {@code guid(...)} literal
     * @return       its typed value (null for {@code (null)})
     * @throws IllegalArgumentException when the content is not of the type
     */
    public static Expr.Constant typed(String token) {
        int open = token.indexOf('(');
        String kind = token.substring(0, open).trim();
        String content = token.substring(open + 1, token.length() - 1).trim();
        if (content.length() >= 2 && (content.startsWith("'") || content.startsWith("\""))) {
            content = content.substring(1, content.length() - 1);
        }
        boolean isNull = content.equals("null");
        switch (kind) {
            case "datetime":
            case "date":
                return new Expr.Constant(ColumnType.DATETIME, isNull ? null : DateTimes.parse(content));
            case "timespan":
            case "time":
                return new Expr.Constant(ColumnType.TIMESPAN, isNull ? null : DateTimes.parseTimespan(content));
            default:
                return new Expr.Constant(ColumnType.GUID, isNull ? null : UUID.fromString(content));
        }
    }

    /**
     * @param  token a timespan literal such as {@code 5m}
     * @return       the duration
     */
    public static Duration timespan(String token) {
        return DateTimes.parseTimespan(token);
    }

    /**
     * @param  token an integer literal, decimal or {@code 0x} hex
     * @return       its value
     */
    public static long integer(String token) {
        return token.startsWith("0x") ? Long.parseUnsignedLong(token.substring(2), 16) : Long.parseLong(token);
    }

    /**
     * @param  token a real literal
     * @return       its value
     */
    public static double real(String token) {
        return new BigDecimal(token).doubleValue();
    }
}
