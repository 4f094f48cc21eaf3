package io.github.camelloganalytics.testkit.kql.plan;

import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.ast.AstBuilder;
import io.github.camelloganalytics.testkit.kql.ast.Expression;

/** The service's column naming: names from expressions, and the suffix a repeated name gets. */
public final class Names {

    private Names() {
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
    public static String derived(Expression e, boolean throughCalls) {
        if (e instanceof Expression.Name n) {
            return n.name();
        }
        if (e instanceof Expression.Call c) {
            if (throughCalls && !c.arguments().isEmpty()) {
                Expression inner = c.arguments().get(0).expression();
                return inner == null ? null : derived(inner, true);
            }
            return null;
        }
        if (e instanceof Expression.Parenthesized p) {
            Expression inner = p.pipeline().singleExpression();
            return inner == null ? null : derived(inner, throughCalls);
        }
        if (e instanceof Expression.Member m) {
            String base = derived(m.target(), false);
            return base == null ? null : base + "_" + m.member();
        }
        if (e instanceof Expression.Index ix) {
            String base = derived(ix.target(), false);
            String idx = ix.index().span().text();
            return base == null ? null : base + "_" + AstBuilder.name(idx.replace("'", "").replace("\"", ""));
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
