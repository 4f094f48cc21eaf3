package io.github.camelloganalytics.testkit.kql.plan;

import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.grammar.KqlParser;
import io.github.camelloganalytics.testkit.kql.parse.Literals;

/** The service's column naming: names from expressions, and the suffix a repeated name gets. */
public final class Names {

    private Names() {
    }

    /**
     * @param  n a name in the parse tree (plain, a soft keyword, or {@code ['bracketed']})
     * @return   the name it denotes
     */
    public static String text(KqlParser.NameContext n) {
        return text(n.getText());
    }

    /**
     * @param  raw a name token's text
     * @return     the name, brackets and quotes removed
     */
    public static String text(String raw) {
        String t = raw.trim();
        if (t.startsWith("[")) {
            return Literals.string(t.substring(1, t.length() - 1).trim());
        }
        return t;
    }

    /**
     * The name the service gives an unnamed expression's column: a column's own name, a member path joined with
     * underscores ({@code Properties.a.b} gives {@code Properties_a_b}), or the name of a function call's first
     * argument when {@code throughCalls} (as {@code summarize ... by bin(TimeGenerated, 1h)} names its column
     * {@code TimeGenerated}); null when none.
     *
     * @param  e            the expression
     * @param  throughCalls whether a call takes its first argument's name
     * @return              the name, or null
     */
    public static String derived(KqlParser.ExpressionContext e, boolean throughCalls) {
        if (e instanceof KqlParser.PrimaryExpressionContext p) {
            if (p.primary() instanceof KqlParser.NamePrimaryContext n) {
                return text(n.name());
            }
            if (throughCalls && p.primary() instanceof KqlParser.CallPrimaryContext c && c.arguments() != null
                    && !c.arguments().argument().isEmpty()) {
                KqlParser.ArgumentContext a = c.arguments().argument(0);
                KqlParser.ExpressionContext inner = Resolver.scalarExpression(a);
                return inner == null ? null : derived(inner, true);
            }
            if (p.primary() instanceof KqlParser.ParenPrimaryContext paren) {
                KqlParser.ExpressionContext inner = Resolver.singleExpression(paren.pipeline());
                return inner == null ? null : derived(inner, throughCalls);
            }
            return null;
        }
        if (e instanceof KqlParser.MemberExpressionContext m) {
            String base = derived(m.expression(), false);
            return base == null ? null : base + "_" + text(m.name());
        }
        if (e instanceof KqlParser.BracketMemberExpressionContext b) {
            String base = derived(b.expression(), false);
            return base == null ? null : base + "_" + text(b.BRACKETED().getText());
        }
        if (e instanceof KqlParser.IndexExpressionContext ix) {
            String base = derived(ix.expression(0), false);
            String idx = ix.expression(1).getText();
            return base == null ? null : base + "_" + Names.text(idx.replace("'", "").replace("\"", ""));
        }
        return null;
    }

    /**
     * @param  schema the columns so far
     * @param  name   a wanted name
     * @return        the name, or with the smallest numeric suffix that makes it unique ({@code Computer1})
     */
    public static String unique(List<Column> schema, String name) {
        if (Plan.indexOf(schema, name) < 0) {
            return name;
        }
        for (int k = 1;; k++) {
            if (Plan.indexOf(schema, name + k) < 0) {
                return name + k;
            }
        }
    }

    /**
     * @param  schema the columns so far
     * @return        the next free {@code ColumnN} name
     */
    public static String nextColumn(List<Column> schema) {
        for (int k = 1;; k++) {
            if (Plan.indexOf(schema, "Column" + k) < 0) {
                return "Column" + k;
            }
        }
    }
}
