package io.github.camelloganalytics.testkit.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * Recursive-descent parser for the emulator's KQL subset. Whatever it does not know is a syntax error, never
 * skipped.
 */
final class Parser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=", "=~", "!~", "contains",
            "!contains", "has", "!has");
    private static final Set<String> FUNCTIONS = Set.of("ago", "now", "datetime", "ingestion_time", "not");

    private final List<Token> tokens;
    private int p;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Ast.Query parse(String query) {
        return new Parser(Lexer.tokenize(query)).query();
    }

    private Ast.Query query() {
        List<Ast.Let> lets = new ArrayList<>();
        while (peek().is("let")) {
            next();
            Token name = expectIdent();
            expect("=");
            Ast.Expr value = expr();
            expect(";");
            lets.add(new Ast.Let(name, value));
        }
        Token source = expectIdent();
        List<Ast.Named> print = null;
        if (source.is("print") && !peek().is("|")) {
            print = namedList();
        }
        List<Ast.Op> ops = new ArrayList<>();
        while (peek().is("|")) {
            next();
            Ast.Op op = operator();
            if (!ops.isEmpty() && ops.get(ops.size() - 1) instanceof Ast.Render) {
                // render must be the last operator of a query
                throw error(tokens.get(p - 1));
            }
            ops.add(op);
        }
        if (peek().is(";")) {
            next();
        }
        if (peek().kind() != Token.Kind.EOF) {
            throw error(peek());
        }
        return new Ast.Query(lets, source, print, ops);
    }

    private Ast.Op operator() {
        Token t = next();
        if (t.kind() != Token.Kind.IDENT) {
            throw error(t);
        }
        switch (t.text()) {
            case "where":
                return new Ast.Where(expr());
            case "project":
                return new Ast.Project(namedList());
            case "extend":
                return new Ast.Extend(namedList());
            case "take":
            case "limit":
                return new Ast.Take(t.text(), expr());
            case "order":
            case "sort": {
                expect("by");
                List<Ast.SortKey> keys = new ArrayList<>();
                do {
                    Ast.Expr e = expr();
                    boolean asc = false;
                    if (peek().is("asc")) {
                        next();
                        asc = true;
                    } else if (peek().is("desc")) {
                        next();
                    }
                    keys.add(new Ast.SortKey(e, asc));
                } while (accept(","));
                return new Ast.Sort(t.text(), keys);
            }
            case "count":
                return new Ast.Count();
            case "summarize": {
                String name = "count_";
                if (peek().kind() == Token.Kind.IDENT && peekAt(1).is("=")) {
                    name = next().text();
                    next();
                }
                Token fn = expectIdent();
                if (!fn.text().equals("count")) {
                    throw error(fn);
                }
                expect("(");
                expect(")");
                List<Ast.Named> by = List.of();
                if (peek().is("by")) {
                    next();
                    by = namedList();
                }
                return new Ast.Summarize(name, by);
            }
            case "render": {
                Token vis = expectIdent();
                return new Ast.Render(vis.text());
            }
            default:
                throw error(t);
        }
    }

    private List<Ast.Named> namedList() {
        List<Ast.Named> items = new ArrayList<>();
        do {
            String name = null;
            if (peek().kind() == Token.Kind.IDENT && peekAt(1).is("=")) {
                name = next().text();
                next();
            }
            items.add(new Ast.Named(name, expr()));
        } while (accept(","));
        return items;
    }

    private Ast.Expr expr() {
        Ast.Expr left = and();
        while (peek().is("or")) {
            Token op = next();
            left = new Ast.Binary(op, "or", left, and());
        }
        return left;
    }

    private Ast.Expr and() {
        Ast.Expr left = comparison();
        while (peek().is("and")) {
            Token op = next();
            left = new Ast.Binary(op, "and", left, comparison());
        }
        return left;
    }

    private Ast.Expr comparison() {
        Ast.Expr left = additive();
        Token t = peek();
        if ((t.kind() == Token.Kind.PUNCT || t.kind() == Token.Kind.IDENT) && COMPARISONS.contains(t.text())) {
            next();
            return new Ast.Binary(t, t.text(), left, additive());
        }
        if (t.is("between") || t.is("!between")) {
            next();
            expect("(");
            Ast.Expr lo = additive();
            expect("..");
            Ast.Expr hi = additive();
            expect(")");
            return new Ast.Between(t, left, lo, hi, t.text().startsWith("!"));
        }
        return left;
    }

    private Ast.Expr additive() {
        Ast.Expr left = unary();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = new Ast.Binary(op, op.text(), left, unary());
        }
        return left;
    }

    private Ast.Expr unary() {
        if (peek().is("-")) {
            Token op = next();
            return new Ast.Unary(op, unary());
        }
        return primary();
    }

    private Ast.Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case LONG:
                return new Ast.Literal(t, t.value(), ColumnType.LONG);
            case REAL:
                return new Ast.Literal(t, t.value(), ColumnType.REAL);
            case TIMESPAN:
                return new Ast.Literal(t, t.value(), ColumnType.TIMESPAN);
            case STRING:
                return new Ast.Literal(t, t.text(), ColumnType.STRING);
            case PUNCT:
                if (t.is("(")) {
                    Ast.Expr e = expr();
                    expect(")");
                    return e;
                }
                throw error(t);
            case IDENT:
                if (t.text().equals("true") || t.text().equals("false")) {
                    return new Ast.Literal(t, Boolean.valueOf(t.text()), ColumnType.BOOL);
                }
                if (peek().is("(")) {
                    if (!FUNCTIONS.contains(t.text())) {
                        // a function outside the subset: refuse rather than guess
                        throw error(t);
                    }
                    next();
                    if (t.text().equals("datetime")) {
                        Token raw = next();
                        if (raw.kind() != Token.Kind.RAW) {
                            throw error(raw);
                        }
                        expect(")");
                        try {
                            return new Ast.Literal(t, ColumnType.parseDatetime(raw.text()), ColumnType.DATETIME);
                        } catch (RuntimeException e) {
                            throw error(raw);
                        }
                    }
                    List<Ast.Expr> args = new ArrayList<>();
                    if (!peek().is(")")) {
                        do {
                            args.add(expr());
                        } while (accept(","));
                    }
                    expect(")");
                    return new Ast.Call(t, t.text(), args);
                }
                if (t.text().startsWith("!") || KEYWORDS.contains(t.text())) {
                    throw error(t);
                }
                return new Ast.Name(t);
            default:
                throw error(t);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "by", "let", "between", "contains", "has",
            "asc", "desc");

    private Token peek() {
        return tokens.get(p);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(p + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(p);
        if (t.kind() != Token.Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String punctOrWord) {
        Token t = next();
        if (!t.is(punctOrWord)) {
            throw error(t);
        }
    }

    private Token expectIdent() {
        Token t = next();
        if (t.kind() != Token.Kind.IDENT || t.text().startsWith("!")) {
            throw error(t);
        }
        return t;
    }

    private static KqlSyntaxException error(Token t) {
        String text = t.kind() == Token.Kind.EOF ? "<EOF>" : t.kind() == Token.Kind.STRING ? "'" + t.text() + "'"
                : t.text();
        return new KqlSyntaxException(Lexer.parseMessage(text, t.line(), t.position()), t.line(), t.position(), text);
    }
}
