package io.github.camelloganalytics.testkit.kql.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.NotSupportedByEmulatorException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.Expression.Argument;
import io.github.camelloganalytics.testkit.kql.ast.Node;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.expr.Operators;
import io.github.camelloganalytics.testkit.kql.functions.AggregateFunction;
import io.github.camelloganalytics.testkit.kql.functions.DynamicFunctions;
import io.github.camelloganalytics.testkit.kql.functions.FunctionCatalog;
import io.github.camelloganalytics.testkit.kql.functions.ScalarFunction;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * Resolves scalar expressions against a schema and the let scope, into typed {@link Expr}s: every name, function
 * and operator is checked here, before any row is read.
 */
final class ExpressionResolver {

    /**
     * An aggregation found in a summarize (or make-series) item.
     *
     * @param function the aggregation
     * @param args     its arguments, resolved against the input
     * @param type     its result type
     */
    record AggregateSlot(AggregateFunction function, List<Expr> args, ColumnType type) {
    }

    private final Resolver owner;
    private final Scope scope;
    private final List<Column> schema;
    private final String keyword;

    /** When summarizing: the input rows' schema, and the aggregations found so far (null otherwise). */
    private List<Column> aggregateInput;
    private List<AggregateSlot> slots;
    private int slotBase;

    /** In a join condition: the left schema's size, so $right columns come after it. */
    private List<Column> left;
    private List<Column> right;

    ExpressionResolver(Resolver owner, Scope scope, List<Column> schema, String keyword) {
        this.owner = owner;
        this.scope = scope;
        this.schema = schema;
        this.keyword = keyword;
    }

    /** Aggregation mode: names outside aggregations resolve against {@code schema} (the keys). */
    ExpressionResolver aggregating(List<Column> input, List<AggregateSlot> collected, int base) {
        this.aggregateInput = input;
        this.slots = collected;
        this.slotBase = base;
        return this;
    }

    /** Join-condition mode: {@code $left.x} and {@code $right.y} over the concatenated row. */
    ExpressionResolver joining(List<Column> leftSchema, List<Column> rightSchema) {
        this.left = leftSchema;
        this.right = rightSchema;
        return this;
    }

    List<Column> schema() {
        return schema;
    }

    Scope scope() {
        return scope;
    }

    KqlSemanticException error(String code, String message) {
        return new KqlSemanticException(code, (keyword == null ? "" : "'" + keyword + "' operator: ") + message);
    }

    static NotSupportedByEmulatorException notSupported(String what, Node at) {
        return new NotSupportedByEmulatorException(what, at.span().line(), at.span().column());
    }

    Expr resolve(Expression e) {
        if (e instanceof Expression.Literal l) {
            return new Expr.Constant(l.type(), l.value());
        }
        if (e instanceof Expression.DynamicLiteral d) {
            return new Expr.Constant(ColumnType.DYNAMIC, d.value());
        }
        if (e instanceof Expression.Name n) {
            return name(n);
        }
        if (e instanceof Expression.Call c) {
            return call(c);
        }
        if (e instanceof Expression.Parenthesized paren) {
            Expression inner = paren.pipeline().singleExpression();
            if (inner != null && owner.tabularArgumentOrNull(inner, scope) == null) {
                return resolve(inner);
            }
            throw error("SEM0001", "A tabular expression cannot be used as a scalar: '" + paren.span().text()
                    + "' (use toscalar())");
        }
        if (e instanceof Expression.Array a) {
            List<Expr> items = new ArrayList<>();
            for (Expression item : a.items()) {
                items.add(resolve(item));
            }
            return new Expr.Computed(ColumnType.DYNAMIC, f -> {
                ArrayNode arr = Values.array();
                for (Expr item : items) {
                    arr.add(Values.toDynamic(item.eval(f)));
                }
                return arr;
            });
        }
        if (e instanceof Expression.MemberCall mc) {
            throw notSupported("the call '" + mc.function() + "()' on an expression (cluster(), database()"
                    + " and other entity references)", mc);
        }
        if (e instanceof Expression.Member m) {
            return member(m.target(), m.member(), m);
        }
        if (e instanceof Expression.Index ix) {
            Expr base = resolve(ix.target());
            Expr index = resolve(ix.index());
            requireDynamic(base, ix);
            return new Expr.Computed(ColumnType.DYNAMIC, f -> index(base.eval(f), index.eval(f)));
        }
        if (e instanceof Expression.Unary u) {
            Expr o = resolve(u.operand());
            if (!o.type().isNumeric() && o.type() != ColumnType.TIMESPAN && o.type() != ColumnType.DYNAMIC) {
                throw error("SEM0001", "Unary minus is not defined for type " + o.type().kqlName());
            }
            if (u.operator().equals("+")) {
                return o;
            }
            return new Expr.Computed(o.type() == ColumnType.DYNAMIC ? ColumnType.REAL : o.type(),
                    f -> Operators.negate(o.eval(f)));
        }
        if (e instanceof Expression.In in) {
            return in(in);
        }
        if (e instanceof Expression.Between b) {
            return between(b);
        }
        Expression.Binary bin = (Expression.Binary) e;
        switch (bin.operator()) {
            case "*", "/", "%", "+", "-":
                return arithmetic(bin.operator(), resolve(bin.left()), resolve(bin.right()));
            case "matches regex":
                return regex(bin);
            case "and":
                return and(bin);
            case "or":
                return or(bin);
            default:
                return comparison(bin.operator(), resolve(bin.left()), resolve(bin.right()));
        }
    }

    private Expr regex(Expression.Binary r) {
        Expr s = resolve(r.left());
        Expr pattern = resolve(r.right());
        Pattern constant = pattern instanceof Expr.Constant k && k.value() != null
                ? Pattern.compile(Values.text(k.value())) : null;
        return new Expr.Computed(ColumnType.BOOL, f -> {
            Object v = s.eval(f);
            if (v == null) {
                return null;
            }
            Pattern p = constant != null ? constant : Pattern.compile(Values.text(pattern.eval(f)));
            return p.matcher(Values.text(v)).find();
        });
    }

    private Expr and(Expression.Binary a) {
        Expr l = bool(resolve(a.left()), "and");
        Expr r = bool(resolve(a.right()), "and");
        return new Expr.Computed(ColumnType.BOOL, f -> {
            Object x = l.eval(f);
            if (Boolean.FALSE.equals(x)) {
                return false;
            }
            Object y = r.eval(f);
            if (Boolean.FALSE.equals(y)) {
                return false;
            }
            return x == null || y == null ? null : true;
        });
    }

    private Expr or(Expression.Binary o) {
        Expr l = bool(resolve(o.left()), "or");
        Expr r = bool(resolve(o.right()), "or");
        return new Expr.Computed(ColumnType.BOOL, f -> {
            Object x = l.eval(f);
            if (Boolean.TRUE.equals(x)) {
                return true;
            }
            Object y = r.eval(f);
            if (Boolean.TRUE.equals(y)) {
                return true;
            }
            return x == null || y == null ? null : false;
        });
    }
    private Expr bool(Expr e, String op) {
        if (e.type() != ColumnType.BOOL && e.type() != ColumnType.DYNAMIC) {
            throw error("SEM0001", "Operator '" + op + "' expects bool operands, got " + e.type().kqlName());
        }
        if (e.type() == ColumnType.DYNAMIC) {
            return new Expr.Computed(ColumnType.BOOL, f -> Values.convert(e.eval(f), ColumnType.BOOL));
        }
        return e;
    }

    private void requireDynamic(Expr base, Node at) {
        if (base.type() != ColumnType.DYNAMIC) {
            throw error("SEM0001", "The expression '" + at.span().text() + "' accesses a member of a value of type "
                    + base.type().kqlName() + "; only dynamic values have members");
        }
    }

    private Expr member(Expression baseExpr, String name, Node at) {
        if (left != null && baseExpr instanceof Expression.Name n) {
            String side = n.name();
            if (side.equals("$left") || side.equals("$right")) {
                List<Column> cols = side.equals("$left") ? left : right;
                int i = Plan.indexOf(cols, name);
                if (i < 0) {
                    throw error("SEM0100", "Failed to resolve column named '" + name + "' on the " + side.substring(1)
                            + " side");
                }
                int idx = side.equals("$left") ? i : left.size() + i;
                return new Expr.ColumnRef(cols.get(i).type(), idx, name);
            }
        }
        Expr base = resolve(baseExpr);
        requireDynamic(base, at);
        return new Expr.Computed(ColumnType.DYNAMIC, f -> {
            Object v = base.eval(f);
            if (v instanceof JsonNode n) {
                JsonNode r = n.get(name);
                return r == null ? null : r;
            }
            return null;
        });
    }

    private static Object index(Object base, Object index) {
        if (!(base instanceof JsonNode n) || index == null) {
            return null;
        }
        if (index instanceof String s) {
            return n.get(s);
        }
        if (index instanceof JsonNode k && k.isTextual()) {
            return n.get(k.textValue());
        }
        long i = index instanceof JsonNode k ? k.asLong() : ((Number) index).longValue();
        if (!n.isArray()) {
            return null;
        }
        if (i < 0) {
            i += n.size();
        }
        return i < 0 || i >= n.size() ? null : n.get((int) i);
    }

    private Expr arithmetic(String op, Expr l, Expr r) {
        ColumnType t = Operators.arithmeticType(op, l.type(), r.type());
        if (t == null) {
            throw error("SEM0001", "Operator '" + op + "' is not defined for types " + l.type().kqlName() + " and "
                    + r.type().kqlName());
        }
        return new Expr.Computed(t, f -> {
            Object x = l.eval(f);
            Object y = r.eval(f);
            return x == null || y == null ? null : Operators.arithmetic(op, t, x, y);
        });
    }

    private static boolean comparable(ColumnType a, ColumnType b) {
        return a == b || a.isNumeric() && b.isNumeric() || a == ColumnType.DYNAMIC || b == ColumnType.DYNAMIC
                || a == ColumnType.GUID && b == ColumnType.STRING || a == ColumnType.STRING && b == ColumnType.GUID;
    }

    private Expr comparison(String op, Expr l, Expr r) {
        switch (op) {
            case "==":
            case "!=":
            case "<>":
            case "<":
            case "<=":
            case ">":
            case ">=": {
                if (!comparable(l.type(), r.type())) {
                    throw error("SEM0001", "Cannot compare values of types " + l.type().kqlName() + " and "
                            + r.type().kqlName() + ". Try adding explicit casts");
                }
                return new Expr.Computed(ColumnType.BOOL, f -> {
                    Object x = l.eval(f);
                    Object y = r.eval(f);
                    if (x == null || y == null || x instanceof JsonNode jx && jx.isNull()
                            || y instanceof JsonNode jy && jy.isNull()) {
                        return null;
                    }
                    if (op.equals("==") || op.equals("!=") || op.equals("<>")) {
                        Boolean eq = Values.equal(x, y);
                        return eq == null ? null : op.equals("==") == eq;
                    }
                    int c = Values.compare(x, y);
                    return switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                });
            }
            case "=~":
            case "!~":
                return new Expr.Computed(ColumnType.BOOL, f -> {
                    Object x = l.eval(f);
                    Object y = r.eval(f);
                    boolean eq = Values.text(x).equalsIgnoreCase(Values.text(y));
                    return op.equals("=~") == eq;
                });
            default: {
                String lower = op.toLowerCase(Locale.ROOT);
                boolean negated = lower.startsWith("!") || lower.startsWith("not");
                String base = lower.startsWith("!") ? lower.substring(1) : lower.startsWith("not")
                        ? lower.substring(3) : lower;
                if (base.equals("containscs")) {
                    base = "contains_cs";
                }
                if (base.startsWith("like")) {
                    throw new KqlSemanticException("SEM0001", "Unknown operator '" + op + "'");
                }
                String b = base;
                return new Expr.Computed(ColumnType.BOOL, f -> {
                    boolean m = Operators.string(b, Values.text(l.eval(f)), Values.text(r.eval(f)));
                    return negated != m;
                });
            }
        }
    }

    private Expr in(Expression.In in) {
        Expr value = resolve(in.value());
        String op = in.operator();
        List<Object> constants = new ArrayList<>();
        List<Expr> dynamicItems = new ArrayList<>();
        for (Argument a : in.items()) {
            Plan table = owner.tabularArgument(a, scope);
            if (table != null) {
                dynamicItems.add(new Expr.Computed(ColumnType.DYNAMIC, f -> {
                    ArrayNode arr = Values.array();
                    for (Row row : table.rows()) {
                        arr.add(Values.toDynamic(row.values()[0]));
                    }
                    return arr;
                }));
                continue;
            }
            Expression ex = a.expression();
            if (ex == null) {
                throw notSupported("this argument of '" + op + "'", a);
            }
            Expr item = resolve(ex);
            dynamicItems.add(item);
        }
        boolean anyOrAll = op.equals("has_any") || op.equals("has_all");
        boolean caseFree = op.endsWith("~");
        boolean negated = op.startsWith("!");
        return new Expr.Computed(ColumnType.BOOL, f -> {
            List<Object> items = new ArrayList<>(constants);
            for (Expr d : dynamicItems) {
                Object v = d.eval(f);
                if (v instanceof JsonNode n && n.isArray()) {
                    for (JsonNode e : n) {
                        items.add(Values.unwrap(e) instanceof JsonNode ? e : Values.unwrap(e));
                    }
                } else {
                    items.add(v);
                }
            }
            Object x = value.eval(f);
            if (anyOrAll) {
                String s = Values.text(x).toLowerCase(Locale.ROOT);
                Set<Boolean> hits = new HashSet<>();
                for (Object item : items) {
                    hits.add(Operators.has(s, Values.text(item).toLowerCase(Locale.ROOT)));
                }
                return op.equals("has_any") ? hits.contains(true) : !hits.contains(false);
            }
            if (x == null) {
                return negated ? null : false;
            }
            boolean found = false;
            for (Object item : items) {
                if (item == null) {
                    continue;
                }
                if (caseFree ? Values.text(x).equalsIgnoreCase(Values.text(item))
                        : Boolean.TRUE.equals(Values.equal(x, item))) {
                    found = true;
                    break;
                }
            }
            return negated != found;
        });
    }

    private Expr between(Expression.Between b) {
        Expr v = resolve(b.value());
        Expr lo = resolve(b.low());
        Expr hi = resolve(b.high());
        boolean hiIsSpan = v.type() == ColumnType.DATETIME && hi.type() == ColumnType.TIMESPAN;
        if (!comparable(v.type(), lo.type()) || !(hiIsSpan || comparable(v.type(), hi.type()))
                || !(v.type().isNumeric() || v.type() == ColumnType.DATETIME || v.type() == ColumnType.TIMESPAN
                     || v.type() == ColumnType.DYNAMIC)) {
            throw error("SEM0001", "'between' cannot compare values of types " + v.type().kqlName() + " and "
                    + lo.type().kqlName() + ".." + hi.type().kqlName());
        }
        boolean negated = b.negated();
        return new Expr.Computed(ColumnType.BOOL, f -> {
            Object x = v.eval(f);
            Object a = lo.eval(f);
            Object z = hi.eval(f);
            if (x == null || a == null || z == null) {
                return null;
            }
            if (hiIsSpan) {
                z = ((Instant) a).plus((Duration) z);
            }
            boolean inside = Values.compare(x, a) >= 0 && Values.compare(x, z) <= 0;
            return negated != inside;
        });
    }

    private Expr name(Expression.Name n) {
        String name = n.name();
        int idx = Plan.indexOf(schema, name);
        if (idx >= 0) {
            return new Expr.ColumnRef(schema.get(idx).type(), idx, name);
        }
        Scope.Binding b = scope.lookup(name);
        if (b instanceof Scope.Scalar s) {
            return s.expr();
        }
        if (b instanceof Scope.Function fn && fn.parameters().isEmpty()) {
            Object r = owner.invoke(fn, List.of(), n, this);
            if (r instanceof Expr e) {
                return e;
            }
        }
        if (name.equals("true") || name.equals("false")) {
            return new Expr.Constant(ColumnType.BOOL, name.equals("true"));
        }
        if (aggregateInput != null && Plan.indexOf(aggregateInput, name) >= 0) {
            throw error("SEM0100", "Failed to resolve scalar expression named '" + name
                    + "' (outside an aggregation, only the 'by' columns can be used)");
        }
        throw error("SEM0100", "Failed to resolve scalar expression named '" + name + "'");
    }

    // ------------------------------------------------------------------------------------------------ calls

    Expr argument(Argument a) {
        Expression e = a.expression();
        if (e == null) {
            throw notSupported("this kind of argument ('" + a.span().text() + "')", a);
        }
        return resolve(e);
    }

    private Expr call(Expression.Call c) {
        String fn = c.function();
        List<Argument> args = c.arguments();
        Scope.Binding b = scope.lookup(fn);
        if (b instanceof Scope.Function f) {
            Object r = owner.invoke(f, args, c, this);
            if (r instanceof Expr e) {
                return e;
            }
            throw error("SEM0001", "The function '" + fn + "' returns a table, not a scalar");
        }
        if (slots != null && (FunctionCatalog.aggregate(fn) != null)) {
            return aggregate(fn, args, c);
        }
        if (FunctionCatalog.aggregate(fn) != null || FunctionCatalog.MULTI_COLUMN_AGGREGATES.contains(fn)) {
            throw error("SEM0227", "Aggregation function '" + fn + "' can only be used in summarize, "
                    + "make-series or top-nested");
        }
        switch (fn) {
            case "typeof":
                return new Expr.Constant(ColumnType.STRING, typeName(args.get(0)).kqlName());
            case "toscalar":
                return toscalar(args, c);
            case "column_ifexists": {
                String col = Values.text(argument(args.get(0)).eval(null));
                int i = Plan.indexOf(schema, col);
                return i >= 0 ? new Expr.ColumnRef(schema.get(i).type(), i, col) : argument(args.get(1));
            }
            case "pack_all":
            case "bag_pack_columns": {
                List<Column> cols = schema;
                boolean ignoreNulls = fn.equals("pack_all") && !args.isEmpty()
                        && Boolean.TRUE.equals(argument(args.get(0)).eval(null));
                List<Expr> only = new ArrayList<>();
                if (fn.equals("bag_pack_columns")) {
                    for (Argument a : args) {
                        only.add(argument(a));
                    }
                }
                return new Expr.Computed(ColumnType.DYNAMIC, f -> {
                    ObjectNode bag = Values.bag();
                    if (only.isEmpty()) {
                        for (int i = 0; i < cols.size(); i++) {
                            Object v = f.value(i);
                            if (!(ignoreNulls && v == null)) {
                                bag.set(cols.get(i).name(), Values.toDynamic(v));
                            }
                        }
                    } else {
                        for (Expr o : only) {
                            bag.set(((Expr.ColumnRef) o).name(), Values.toDynamic(o.eval(f)));
                        }
                    }
                    return bag;
                });
            }
            case "prev":
            case "next":
                return prevNext(fn.equals("prev") ? -1 : 1, args, c);
            case "row_number":
                return rowNumber(args);
            case "row_cumsum":
                return rowCumsum(args);
            case "extract":
            case "extractjson":
            case "extract_json":
                if (args.size() == 4 && fn.equals("extract") || args.size() == 3 && !fn.equals("extract")) {
                    ColumnType target = typeName(args.get(args.size() - 1));
                    Expr inner = catalogue(fn, args.subList(0, args.size() - 1), c);
                    return new Expr.Computed(target, f -> Values.convert(inner.eval(f), target));
                }
                return catalogue(fn, args, c);
            default:
                break;
        }
        if (isTypeName(fn) && args.size() == 1) {
            String text = args.get(0).span().text();
            ColumnType t = ColumnType.ofKqlName(normalType(fn));
            switch (text) {
                case "null":
                    return new Expr.Constant(t, null);
                case "nan":
                    return new Expr.Constant(ColumnType.REAL, Double.NaN);
                case "inf":
                case "+inf":
                    return new Expr.Constant(ColumnType.REAL, Double.POSITIVE_INFINITY);
                case "-inf":
                    return new Expr.Constant(ColumnType.REAL, Double.NEGATIVE_INFINITY);
                default:
                    Expr v = argument(args.get(0));
                    return new Expr.Computed(t, f -> Values.convert(v.eval(f), t));
            }
        }
        return catalogue(fn, args, c);
    }

    private static boolean isTypeName(String fn) {
        return Set.of("int", "long", "real", "double", "decimal", "bool", "boolean", "string").contains(fn);
    }

    private static String normalType(String t) {
        return switch (t) {
            case "double" -> "real";
            case "boolean" -> "bool";
            case "int64" -> "long";
            case "int32" -> "int";
            case "date" -> "datetime";
            case "time" -> "timespan";
            case "uniqueid", "uuid" -> "guid";
            default -> t;
        };
    }

    static ColumnType typeOfName(String t) {
        try {
            return ColumnType.ofKqlName(normalType(t));
        } catch (IllegalArgumentException e) {
            throw new KqlSemanticException("SEM0001", "Unknown type '" + t + "'");
        }
    }

    private ColumnType typeName(Argument a) {
        String t = a.span().text();
        if (t.startsWith("typeof(") && t.endsWith(")")) {
            t = t.substring(7, t.length() - 1);
        }
        return typeOfName(t);
    }

    private Expr catalogue(String fn, List<Argument> argCtx, Expression.Call c) {
        ScalarFunction f = FunctionCatalog.scalar(fn);
        if (f == null) {
            if (FunctionCatalog.KNOWN_NOT_SUPPORTED.contains(fn) || FunctionCatalog.SPECIAL_FORMS.contains(fn)
                    || ReferenceNames.isReferenceFunction(fn)) {
                throw notSupported("the function '" + fn + "'", c);
            }
            throw error("SEM0260", "Unknown function: '" + fn + "'");
        }
        if (argCtx.size() < f.minArgs() || argCtx.size() > f.maxArgs()) {
            throw error("SEM0219", "function '" + fn + "': expected " + (f.minArgs() == f.maxArgs()
                    ? f.minArgs() + "" : f.minArgs() + ".." + (f.maxArgs() > 64 ? "n" : f.maxArgs()))
                    + " argument(s), got " + argCtx.size());
        }
        List<Expr> args = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (Argument a : argCtx) {
            Expr e = argument(a);
            args.add(e);
            types.add(e.type());
        }
        ColumnType type;
        try {
            type = f.resultType().of(types);
        } catch (IllegalArgumentException e) {
            throw error("SEM0219", "function '" + fn + "': " + e.getMessage());
        }
        int n = args.size();
        boolean allConstant = args.stream().allMatch(a -> a instanceof Expr.Constant);
        Expr call = new Expr.Computed(type, frame -> {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = args.get(i).eval(frame);
                if (values[i] == null && f.nullInNullOut()) {
                    return null;
                }
            }
            try {
                Object r = f.body().apply(values, types, frame);
                return r == null ? null : coerce(r, type);
            } catch (RuntimeException e) {
                // a value the function cannot handle (a bad regex, an out-of-range date) is null, as in KQL
                return null;
            }
        });
        if (allConstant && !Set.of("now", "ago", "rand", "new_guid", "ingestion_time").contains(fn)) {
            return new Expr.Constant(type, call.eval(null));
        }
        return call;
    }

    static Object coerce(Object v, ColumnType type) {
        if (v == null) {
            return null;
        }
        ColumnType actual = Values.typeOf(v);
        if (actual == type) {
            return v;
        }
        if (type == ColumnType.DYNAMIC) {
            return Values.toDynamic(v);
        }
        if (actual == ColumnType.DYNAMIC && Values.unwrap((JsonNode) v) == null) {
            return null;
        }
        return Values.convert(v, type);
    }

    private Expr toscalar(List<Argument> args, Expression.Call c) {
        Argument a = args.get(0);
        Plan table = owner.tabularArgument(a, scope);
        if (table == null) {
            return argument(a);
        }
        if (table.schema().isEmpty()) {
            throw error("SEM0001", "toscalar(): the tabular expression has no columns");
        }
        ColumnType t = table.schema().get(0).type();
        Object[] memo = new Object[1];
        boolean[] done = new boolean[1];
        return new Expr.Computed(t, f -> {
            if (!done[0]) {
                List<Row> rows = table.rows();
                memo[0] = rows.isEmpty() ? null : rows.get(0).values()[0];
                done[0] = true;
            }
            return memo[0];
        });
    }

    private Expr prevNext(int direction, List<Argument> args, Expression.Call c) {
        if (args.isEmpty() || args.size() > 3) {
            throw error("SEM0219", "function '" + (direction < 0 ? "prev" : "next") + "': expected 1..3 arguments");
        }
        Expr value = argument(args.get(0));
        long offset = args.size() > 1 ? ((Number) argument(args.get(1)).eval(null)).longValue() : 1;
        Expr fallback = args.size() > 2 ? argument(args.get(2)) : null;
        return new Expr.Computed(value.type(), f -> {
            long j = f.index() + direction * offset;
            if (j < 0 || j >= f.rows().size()) {
                return fallback == null ? null : coerce(fallback.eval(f), value.type());
            }
            return value.eval(new Frame(f.now()).at(f.rows(), (int) j));
        });
    }

    private Expr rowNumber(List<Argument> args) {
        long start = args.isEmpty() ? 1 : ((Number) argument(args.get(0)).eval(null)).longValue();
        Expr restart = args.size() > 1 ? argument(args.get(1)) : null;
        Object key = new Object();
        return new Expr.Computed(ColumnType.LONG, f -> {
            long[] state = (long[]) f.state().computeIfAbsent(key, k -> new long[] { start - 1 });
            if (restart != null && Boolean.TRUE.equals(restart.eval(f))) {
                state[0] = start - 1;
            }
            return ++state[0];
        });
    }

    private Expr rowCumsum(List<Argument> args) {
        Expr value = argument(args.get(0));
        Expr restart = args.size() > 1 ? argument(args.get(1)) : null;
        ColumnType t = value.type() == ColumnType.INT ? ColumnType.LONG : value.type();
        if (!t.isNumeric()) {
            throw error("SEM0219", "function 'row_cumsum': argument #1 expected to be numeric, got "
                    + value.type().kqlName());
        }
        Object key = new Object();
        return new Expr.Computed(t, f -> {
            Object[] state = (Object[]) f.state().computeIfAbsent(key, k -> new Object[] { null });
            if (restart != null && Boolean.TRUE.equals(restart.eval(f))) {
                state[0] = null;
            }
            Object v = value.eval(f);
            if (v != null) {
                state[0] = state[0] == null ? coerce(v, t) : Operators.arithmetic("+", t, state[0], v);
            }
            return state[0] == null ? coerce(0L, t) : state[0];
        });
    }

    private Expr aggregate(String fn, List<Argument> argCtx, Expression.Call c) {
        AggregateFunction agg = FunctionCatalog.aggregate(fn);
        if (argCtx.size() < agg.minArgs() || argCtx.size() > agg.maxArgs()) {
            throw error("SEM0219", "function '" + fn + "': expected " + agg.minArgs() + ".." + agg.maxArgs()
                    + " argument(s), got " + argCtx.size());
        }
        ExpressionResolver inner = new ExpressionResolver(owner, scope, aggregateInput, keyword);
        List<Expr> args = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (Argument a : argCtx) {
            if (a.star() && fn.equals("count")) {
                continue;
            }
            Expr e = inner.argument(a);
            args.add(e);
            types.add(e.type());
        }
        checkAccuracy(fn, args, argCtx);
        ColumnType type;
        try {
            type = agg.resultType().of(types.isEmpty() ? List.of(ColumnType.LONG) : types);
        } catch (IllegalArgumentException e) {
            throw error("SEM0219", "function '" + fn + "': " + e.getMessage());
        }
        slots.add(new AggregateSlot(agg, args, type));
        int index = slotBase + slots.size() - 1;
        return new Expr.ColumnRef(type, index, fn);
    }


    /**
     * dcount's and dcountif's accuracy: a constant level of the reference's estimation-accuracy table, 0 to 4 (the
     * emulator counts exactly at every level).
     */
    private void checkAccuracy(String fn, List<Expr> args, List<Argument> argCtx) {
        int at = fn.equals("dcount") ? 1 : fn.equals("dcountif") ? 2 : -1;
        if (at < 0 || args.size() <= at) {
            return;
        }
        Object v = args.get(at) instanceof Expr.Constant k ? k.value() : null;
        long level = v instanceof Long || v instanceof Integer ? ((Number) v).longValue() : -1;
        if (level < 0 || level > 4) {
            throw error("SEM0219", "function '" + fn + "': the accuracy (argument #" + (at + 1)
                    + ") must be a constant integer from 0 to 4, got '" + argCtx.get(at).span().text() + "'");
        }
    }
}
