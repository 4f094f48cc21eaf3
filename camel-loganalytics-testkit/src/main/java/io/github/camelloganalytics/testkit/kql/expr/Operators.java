package io.github.camelloganalytics.testkit.kql.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.functions.Types;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * The scalar operators of the KQL reference: arithmetic on numbers, datetimes and timespans, and the string
 * operators ({@code has}, {@code contains}, {@code startswith}... their {@code _cs} and {@code !} forms).
 */
public final class Operators {

    private Operators() {
    }

    /**
     * @param  op a binary arithmetic operator
     * @param  l  left type
     * @param  r  right type
     * @return    the result type, or null when the operator is not defined for them
     */
    public static ColumnType arithmeticType(String op, ColumnType l, ColumnType r) {
        boolean ln = l.isNumeric() || l == ColumnType.DYNAMIC;
        boolean rn = r.isNumeric() || r == ColumnType.DYNAMIC;
        if (l.isNumeric() && r.isNumeric()) {
            return Types.widest(l, r);
        }
        if (ln && rn) {
            return ColumnType.REAL;
        }
        switch (op) {
            case "+":
                if (l == ColumnType.DATETIME && r == ColumnType.TIMESPAN
                        || l == ColumnType.TIMESPAN && r == ColumnType.DATETIME) {
                    return ColumnType.DATETIME;
                }
                if (l == ColumnType.TIMESPAN && r == ColumnType.TIMESPAN) {
                    return ColumnType.TIMESPAN;
                }
                return null;
            case "-":
                if (l == ColumnType.DATETIME && r == ColumnType.TIMESPAN) {
                    return ColumnType.DATETIME;
                }
                if (l == ColumnType.DATETIME && r == ColumnType.DATETIME
                        || l == ColumnType.TIMESPAN && r == ColumnType.TIMESPAN) {
                    return ColumnType.TIMESPAN;
                }
                return null;
            case "*":
                if (l == ColumnType.TIMESPAN && rn || ln && r == ColumnType.TIMESPAN) {
                    return ColumnType.TIMESPAN;
                }
                return null;
            case "/":
                if (l == ColumnType.TIMESPAN && rn) {
                    return ColumnType.TIMESPAN;
                }
                if (l == ColumnType.TIMESPAN && r == ColumnType.TIMESPAN) {
                    return ColumnType.REAL;
                }
                return null;
            case "%":
                if (l == ColumnType.TIMESPAN && r == ColumnType.TIMESPAN) {
                    return ColumnType.TIMESPAN;
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * @param  op   the operator
     * @param  type the result type from {@link #arithmeticType}
     * @param  x    left value, not null
     * @param  y    right value, not null
     * @return      the result, or null (division by zero of integers)
     */
    public static Object arithmetic(String op, ColumnType type, Object x, Object y) {
        if (x instanceof JsonNode jx) {
            x = Values.unwrap(jx);
        }
        if (y instanceof JsonNode jy) {
            y = Values.unwrap(jy);
        }
        if (x == null || y == null || x instanceof JsonNode || y instanceof JsonNode) {
            return null;
        }
        if (x instanceof Instant || y instanceof Instant || x instanceof Duration || y instanceof Duration) {
            return temporal(op, x, y);
        }
        if (!Values.isNumber(x) || !Values.isNumber(y)) {
            return null;
        }
        switch (type) {
            case DECIMAL: {
                BigDecimal a = Values.toDecimal(x);
                BigDecimal b = Values.toDecimal(y);
                return switch (op) {
                    case "+" -> a.add(b);
                    case "-" -> a.subtract(b);
                    case "*" -> a.multiply(b);
                    case "/" -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL128);
                    default -> b.signum() == 0 ? null : a.remainder(b);
                };
            }
            case REAL: {
                double a = Values.toDouble(x);
                double b = Values.toDouble(y);
                return switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> a / b;
                    default -> a % b;
                };
            }
            default: {
                long a = ((Number) x).longValue();
                long b = ((Number) y).longValue();
                Long r = switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> b == 0 ? null : a / b;
                    default -> b == 0 ? null : Math.floorMod(a, Math.abs(b));
                };
                if (r == null) {
                    return null;
                }
                return type == ColumnType.INT ? (Object) (int) r.longValue() : r;
            }
        }
    }

    private static Object temporal(String op, Object x, Object y) {
        if (x instanceof Instant a && y instanceof Duration d) {
            return op.equals("+") ? a.plus(d) : a.minus(d);
        }
        if (x instanceof Duration d && y instanceof Instant a) {
            return a.plus(d);
        }
        if (x instanceof Instant a && y instanceof Instant b) {
            return Duration.between(b, a);
        }
        if (x instanceof Duration a && y instanceof Duration b) {
            return switch (op) {
                case "+" -> a.plus(b);
                case "-" -> a.minus(b);
                case "/" -> (double) a.toNanos() / b.toNanos();
                default -> Duration.ofNanos(a.toNanos() % b.toNanos());
            };
        }
        if (x instanceof Duration a) {
            double f = Values.toDouble(y);
            return op.equals("*") ? scale(a, f) : scale(a, 1 / f);
        }
        return scale((Duration) y, Values.toDouble(x));
    }

    private static Duration scale(Duration d, double f) {
        BigDecimal nanos = BigDecimal.valueOf(d.toNanos()).multiply(BigDecimal.valueOf(f));
        return Duration.ofNanos(nanos.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValue() * 100);
    }

    /**
     * @param  v a number or timespan
     * @return   its negation
     */
    public static Object negate(Object v) {
        if (v instanceof Integer i) {
            return -i;
        }
        if (v instanceof Long l) {
            return -l;
        }
        if (v instanceof Double d) {
            return -d;
        }
        if (v instanceof BigDecimal bd) {
            return bd.negate();
        }
        if (v instanceof Duration d) {
            return d.negated();
        }
        if (v instanceof JsonNode n && n.isNumber()) {
            return -n.asDouble();
        }
        return null;
    }

    /**
     * Evaluates a string operator (without its {@code !}).
     *
     * @param  op the operator, e.g. {@code has_cs}
     * @param  s  the left text
     * @param  t  the right text
     * @return    whether it holds
     */
    public static boolean string(String op, String s, String t) {
        boolean cs = op.endsWith("_cs") || op.endsWith("cs") && !op.equals("hassuffix") && op.startsWith("like");
        String base = op.endsWith("_cs") ? op.substring(0, op.length() - 3) : op;
        String a = cs ? s : s.toLowerCase(Locale.ROOT);
        String b = cs ? t : t.toLowerCase(Locale.ROOT);
        return switch (base) {
            case "has" -> has(a, b);
            case "hasprefix" -> termBoundary(a, b, true);
            case "hassuffix" -> termBoundary(a, b, false);
            case "contains", "containscs" -> a.contains(b);
            case "startswith" -> a.startsWith(b);
            case "endswith" -> a.endsWith(b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** KQL {@code has}: a whole term, bounded by non-alphanumeric characters. */
    public static boolean has(String haystack, String term) {
        if (term.isEmpty()) {
            return true;
        }
        int from = 0;
        while (true) {
            int at = haystack.indexOf(term, from);
            if (at < 0) {
                return false;
            }
            int end = at + term.length();
            boolean startOk = at == 0 || !isTermChar(haystack.charAt(at - 1)) || !isTermChar(term.charAt(0));
            boolean endOk = end == haystack.length() || !isTermChar(haystack.charAt(end))
                    || !isTermChar(term.charAt(term.length() - 1));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean termBoundary(String haystack, String term, boolean prefix) {
        int from = 0;
        while (true) {
            int at = haystack.indexOf(term, from);
            if (at < 0) {
                return false;
            }
            int end = at + term.length();
            boolean ok = prefix ? at == 0 || !isTermChar(haystack.charAt(at - 1))
                    : end == haystack.length() || !isTermChar(haystack.charAt(end));
            if (ok) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * @param  regex a regular expression (RE2 syntax, which Java's mostly shares)
     * @return       the compiled pattern
     */
    public static Pattern regex(String regex) {
        return Pattern.compile(regex);
    }
}
