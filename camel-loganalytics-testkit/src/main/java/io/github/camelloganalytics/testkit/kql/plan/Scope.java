package io.github.camelloganalytics.testkit.kql.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.kql.ast.Statement;
import io.github.camelloganalytics.testkit.kql.expr.Expr;

/** The names a query's {@code let} statements (and {@code as}) bind, nested for function bodies. */
public final class Scope {

    /** What a name is bound to. */
    public sealed interface Binding permits Scalar, Tabular, Function {
    }

    /**
     * A scalar, already evaluated.
     *
     * @param expr its constant expression
     */
    public record Scalar(Expr expr) implements Binding {
    }

    /**
     * A tabular expression.
     *
     * @param plan its plan
     */
    public record Tabular(Plan plan) implements Binding {
    }

    /**
     * A user-defined function.
     *
     * @param parameters its parameters
     * @param body       its body's statements
     * @param closure    the scope it was defined in
     */
    public record Function(List<Statement.Parameter> parameters, List<Statement> body, Scope closure)
            implements Binding {
    }

    private final Scope parent;
    private final Map<String, Binding> names = new HashMap<>();

    /** @param parent the enclosing scope, or null */
    public Scope(Scope parent) {
        this.parent = parent;
    }

    /**
     * @param name    a name
     * @param binding what it denotes
     */
    public void bind(String name, Binding binding) {
        names.put(name, binding);
    }

    /**
     * @param  name a name
     * @return      its binding here or in an enclosing scope, or null
     */
    public Binding lookup(String name) {
        Binding b = names.get(name);
        return b != null || parent == null ? b : parent.lookup(name);
    }
}
