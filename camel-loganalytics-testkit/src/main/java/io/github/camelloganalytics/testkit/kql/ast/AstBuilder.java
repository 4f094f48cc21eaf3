package io.github.camelloganalytics.testkit.kql.ast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSyntaxException;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnDeclaration;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnPattern;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MakeSeriesItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MvExpandItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.OperatorParameter;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ParsePart;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Part;
import io.github.camelloganalytics.testkit.kql.ast.Clause.RenderProperty;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ReorderItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Rename;
import io.github.camelloganalytics.testkit.kql.ast.Clause.SortKey;
import io.github.camelloganalytics.testkit.kql.ast.Clause.TopNestedLevel;
import io.github.camelloganalytics.testkit.kql.ast.Clause.UnionItem;
import io.github.camelloganalytics.testkit.kql.ast.Expression.Argument;
import io.github.camelloganalytics.testkit.kql.grammar.KqlBaseVisitor;
import io.github.camelloganalytics.testkit.kql.grammar.KqlParser;
import io.github.camelloganalytics.testkit.kql.expr.Operators;
import io.github.camelloganalytics.testkit.kql.parse.Literals;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * Builds the syntax tree from the parse tree: the one place that reads the generated parser's classes. Literals
 * are read here (a typed literal whose content is not of its type, {@code datetime(2024-13-45)}, is a syntax
 * error, as in the service); names lose their brackets and quotes; everything else is kept as written, for the
 * resolver to judge.
 */
public final class AstBuilder extends KqlBaseVisitor<Node> {

    /**
     * @param  query the parse tree of a whole query
     * @return       its syntax tree
     * @throws KqlSyntaxException when a typed literal's content is not of its type
     */
    public static Query build(KqlParser.QueryContext query) {
        return (Query) new AstBuilder().visit(query);
    }

    private AstBuilder() {
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Span span(ParserRuleContext ctx) {
        return new Span(ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), ctx.getText());
    }

    /**
     * @param  raw a name's text as written (plain, a soft keyword, or {@code ['bracketed']})
     * @return     the name it denotes
     */
    public static String name(String raw) {
        String t = raw.trim();
        if (t.startsWith("[")) {
            return Literals.string(t.substring(1, t.length() - 1).trim());
        }
        return t;
    }

    private static String name(KqlParser.NameContext n) {
        return name(n.getText());
    }

    private Expression expression(KqlParser.ExpressionContext e) {
        return e == null ? null : (Expression) visit(e);
    }

    private List<Expression> expressions(List<KqlParser.ExpressionContext> list) {
        List<Expression> out = new ArrayList<>(list.size());
        for (KqlParser.ExpressionContext e : list) {
            out.add(expression(e));
        }
        return List.copyOf(out);
    }

    private Pipeline pipeline(KqlParser.PipelineContext p) {
        return (Pipeline) visit(p);
    }

    private List<TabularOperator> operators(List<KqlParser.TabularOperatorContext> ops) {
        List<TabularOperator> out = new ArrayList<>(ops.size());
        for (KqlParser.TabularOperatorContext op : ops) {
            out.add((TabularOperator) visit(op));
        }
        return List.copyOf(out);
    }

    private List<Argument> arguments(KqlParser.ArgumentsContext args) {
        if (args == null) {
            return List.of();
        }
        List<Argument> out = new ArrayList<>();
        for (KqlParser.ArgumentContext a : args.argument()) {
            out.add(new Argument(a.name() == null ? null : name(a.name()),
                    a.pipeline() == null ? null : pipeline(a.pipeline()), span(a)));
        }
        return List.copyOf(out);
    }

    private List<NamedExpression> named(KqlParser.NamedExpressionsContext items) {
        if (items == null) {
            return List.of();
        }
        List<NamedExpression> out = new ArrayList<>();
        for (KqlParser.NamedExpressionContext item : items.namedExpression()) {
            out.add(named(item));
        }
        return List.copyOf(out);
    }

    private NamedExpression named(KqlParser.NamedExpressionContext item) {
        if (item instanceof KqlParser.SingleNamedContext s) {
            return new NamedExpression(List.of(name(s.columnName().getText())), false, expression(s.expression()),
                    span(item));
        }
        if (item instanceof KqlParser.MultiNamedContext m) {
            List<String> names = new ArrayList<>();
            for (KqlParser.ColumnNameContext n : m.columnName()) {
                names.add(name(n.getText()));
            }
            return new NamedExpression(List.copyOf(names), true, expression(m.expression()), span(item));
        }
        return new NamedExpression(List.of(), false,
                expression(((KqlParser.UnnamedContext) item).expression()), span(item));
    }

    private static List<OperatorParameter> parameters(List<KqlParser.OperatorParameterContext> params) {
        List<OperatorParameter> out = new ArrayList<>();
        for (KqlParser.OperatorParameterContext p : params) {
            String text = p.getText();
            int eq = text.indexOf('=');
            String v = text.substring(eq + 1);
            String value = v.startsWith("'") || v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
            out.add(new OperatorParameter(text.substring(0, eq), value, span(p)));
        }
        return List.copyOf(out);
    }

    /** The parts of a name with wildcards, from the children of its rule. */
    private static List<Part> parts(ParserRuleContext ctx, int end) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String t = ctx.getChild(i).getText();
            parts.add(t.equals("*") ? new Part(null, true) : new Part(name(t), false));
        }
        return List.copyOf(parts);
    }

    private static ColumnPattern pattern(KqlParser.ColumnPatternContext p) {
        return new ColumnPattern(parts(p, p.getChildCount()), span(p));
    }

    private static List<ColumnPattern> patterns(List<KqlParser.ColumnPatternContext> list) {
        List<ColumnPattern> out = new ArrayList<>();
        for (KqlParser.ColumnPatternContext p : list) {
            out.add(pattern(p));
        }
        return List.copyOf(out);
    }

    private List<UnionItem> unionItems(List<KqlParser.UnionItemContext> items) {
        List<UnionItem> out = new ArrayList<>();
        for (KqlParser.UnionItemContext item : items) {
            if (item instanceof KqlParser.WildcardUnionItemContext w) {
                out.add(new UnionItem(null, new ColumnPattern(parts(w, w.getChildCount()), span(w)), span(w)));
            } else {
                out.add(new UnionItem(expression(((KqlParser.ExpressionUnionItemContext) item).expression()), null,
                        span(item)));
            }
        }
        return List.copyOf(out);
    }

    private static List<ColumnDeclaration> columns(List<KqlParser.ColumnDeclarationContext> list) {
        List<ColumnDeclaration> out = new ArrayList<>();
        for (KqlParser.ColumnDeclarationContext c : list) {
            out.add(new ColumnDeclaration(name(c.name()), name(c.typeName().name()), span(c)));
        }
        return List.copyOf(out);
    }

    private SortKey sortKey(KqlParser.SortKeyContext k) {
        Boolean nullsFirst = k.NULLS() == null ? null : k.FIRST() != null;
        return new SortKey(expression(k.expression()), k.ASC() != null, nullsFirst, span(k));
    }

    private List<MvExpandItem> mvExpandItems(List<KqlParser.MvExpandItemContext> items) {
        List<MvExpandItem> out = new ArrayList<>();
        for (KqlParser.MvExpandItemContext item : items) {
            out.add(new MvExpandItem(item.name() == null ? null : name(item.name()), expression(item.expression()),
                    item.typeName() == null ? null : name(item.typeName().name()), span(item)));
        }
        return List.copyOf(out);
    }

    private static String keyword(ParserRuleContext op) {
        String k = op.getStart().getText();
        return k.equals("filter") ? "where" : k.equals("order") ? "sort" : k;
    }

    private static String strings(KqlParser.StringLiteralContext s) {
        StringBuilder sb = new StringBuilder();
        for (TerminalNode t : s.STRING()) {
            sb.append(Literals.string(t.getText()));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ statements

    @Override
    public Node visitQuery(KqlParser.QueryContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (KqlParser.StatementContext s : ctx.statement()) {
            statements.add((Statement) visit(s));
        }
        return new Query(List.copyOf(statements), span(ctx));
    }

    @Override
    public Node visitLetStatement(KqlParser.LetStatementContext ctx) {
        KqlParser.LetValueContext v = ctx.letValue();
        Statement.LetValue value;
        if (v instanceof KqlParser.LetFunctionContext f) {
            List<Statement.Parameter> params = new ArrayList<>();
            for (KqlParser.ParameterContext p : f.parameter()) {
                String type = p.parameterType().LPAREN() != null ? null : name(p.parameterType().typeName().name());
                params.add(new Statement.Parameter(name(p.name()), type, expression(p.expression()), span(p)));
            }
            List<Statement> body = new ArrayList<>();
            for (KqlParser.StatementContext s : f.functionBody().statement()) {
                body.add((Statement) visit(s));
            }
            value = new Statement.Lambda(List.copyOf(params), List.copyOf(body), span(f));
        } else {
            value = pipeline(((KqlParser.LetExpressionContext) v).pipeline());
        }
        return new Statement.Let(name(ctx.name()), value, span(ctx));
    }

    @Override
    public Node visitSetStatement(KqlParser.SetStatementContext ctx) {
        return new Statement.Set(name(ctx.name()), span(ctx));
    }

    @Override
    public Node visitDeclareStatement(KqlParser.DeclareStatementContext ctx) {
        return new Statement.Other(ctx.getStart().getText(), span(ctx));
    }

    @Override
    public Node visitAliasStatement(KqlParser.AliasStatementContext ctx) {
        return new Statement.Other(ctx.getStart().getText(), span(ctx));
    }

    @Override
    public Node visitQueryStatement(KqlParser.QueryStatementContext ctx) {
        return new Statement.Tabular(pipeline(ctx.pipeline()), span(ctx));
    }

    @Override
    public Node visitPipeline(KqlParser.PipelineContext ctx) {
        return new Pipeline((Source) visit(ctx.source()), operators(ctx.tabularOperator()), span(ctx));
    }

    // ------------------------------------------------------------------------------------------------ sources

    @Override
    public Node visitPrintSource(KqlParser.PrintSourceContext ctx) {
        return new Source.Print(named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitRangeSource(KqlParser.RangeSourceContext ctx) {
        return new Source.Range(name(ctx.name()), expression(ctx.expression(0)), expression(ctx.expression(1)),
                expression(ctx.expression(2)), span(ctx));
    }

    @Override
    public Node visitDatatableSource(KqlParser.DatatableSourceContext ctx) {
        List<Expression> values = new ArrayList<>();
        if (ctx.BRACKETED() != null) {
            // [ 'a' ] is lexed as one bracketed token: a single string value
            String t = ctx.BRACKETED().getText();
            values.add(new Expression.Literal(ColumnType.STRING, Literals.string(t.substring(1, t.length() - 1)
                    .trim()), span(ctx)));
        }
        values.addAll(expressions(ctx.expression()));
        return new Source.Datatable(columns(ctx.columnDeclaration()), List.copyOf(values), span(ctx));
    }

    @Override
    public Node visitUnionSource(KqlParser.UnionSourceContext ctx) {
        return new Source.Union(parameters(ctx.operatorParameter()), unionItems(ctx.unionItem()), span(ctx));
    }

    @Override
    public Node visitSearchSource(KqlParser.SearchSourceContext ctx) {
        return new Source.Search(parameters(ctx.operatorParameter()), unionItems(ctx.unionItem()),
                expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitFindSource(KqlParser.FindSourceContext ctx) {
        return new Source.Other(ctx.getStart().getText(), span(ctx));
    }

    @Override
    public Node visitEvaluateSource(KqlParser.EvaluateSourceContext ctx) {
        return new Source.Other(ctx.getStart().getText(), span(ctx));
    }

    @Override
    public Node visitExternalDataSource(KqlParser.ExternalDataSourceContext ctx) {
        return new Source.Other(ctx.getStart().getText(), span(ctx));
    }

    @Override
    public Node visitExpressionSource(KqlParser.ExpressionSourceContext ctx) {
        return new Source.Of(expression(ctx.expression()), span(ctx));
    }

    // ------------------------------------------------------------------------------------------------ operators

    @Override
    public Node visitWhereOperator(KqlParser.WhereOperatorContext ctx) {
        return new TabularOperator.Where(keyword(ctx), expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitProjectOperator(KqlParser.ProjectOperatorContext ctx) {
        return new TabularOperator.Project(keyword(ctx), named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitProjectAwayOperator(KqlParser.ProjectAwayOperatorContext ctx) {
        return new TabularOperator.ProjectAway(keyword(ctx), patterns(ctx.columnPattern()), span(ctx));
    }

    @Override
    public Node visitProjectKeepOperator(KqlParser.ProjectKeepOperatorContext ctx) {
        return new TabularOperator.ProjectKeep(keyword(ctx), patterns(ctx.columnPattern()), span(ctx));
    }

    @Override
    public Node visitProjectRenameOperator(KqlParser.ProjectRenameOperatorContext ctx) {
        List<Rename> renames = new ArrayList<>();
        for (int i = 0; i < ctx.name().size(); i += 2) {
            renames.add(new Rename(name(ctx.name(i)), name(ctx.name(i + 1)), span(ctx.name(i))));
        }
        return new TabularOperator.ProjectRename(keyword(ctx), List.copyOf(renames), span(ctx));
    }

    @Override
    public Node visitProjectReorderOperator(KqlParser.ProjectReorderOperatorContext ctx) {
        List<ReorderItem> items = new ArrayList<>();
        for (KqlParser.ReorderItemContext item : ctx.reorderItem()) {
            String dir = item.ASC() != null ? "asc" : item.DESC() != null ? "desc" : item.name() != null
                    ? name(item.name()) : null;
            items.add(new ReorderItem(pattern(item.columnPattern()), dir, span(item)));
        }
        return new TabularOperator.ProjectReorder(keyword(ctx), List.copyOf(items), span(ctx));
    }

    @Override
    public Node visitExtendOperator(KqlParser.ExtendOperatorContext ctx) {
        return new TabularOperator.Extend(keyword(ctx), named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitSummarizeOperator(KqlParser.SummarizeOperatorContext ctx) {
        List<KqlParser.NamedExpressionsContext> lists = ctx.namedExpressions();
        KqlParser.NamedExpressionsContext aggs = ctx.BY() == null ? (lists.isEmpty() ? null : lists.get(0))
                : lists.size() == 2 ? lists.get(0) : null;
        KqlParser.NamedExpressionsContext by = ctx.BY() == null ? null : lists.get(lists.size() - 1);
        return new TabularOperator.Summarize(keyword(ctx), parameters(ctx.operatorParameter()), named(aggs),
                named(by), span(ctx));
    }

    @Override
    public Node visitSortOperator(KqlParser.SortOperatorContext ctx) {
        List<SortKey> keys = new ArrayList<>();
        for (KqlParser.SortKeyContext k : ctx.sortKey()) {
            keys.add(sortKey(k));
        }
        return new TabularOperator.Sort(keyword(ctx), List.copyOf(keys), span(ctx));
    }

    @Override
    public Node visitTopOperator(KqlParser.TopOperatorContext ctx) {
        return new TabularOperator.Top(keyword(ctx), expression(ctx.expression()), sortKey(ctx.sortKey()),
                span(ctx));
    }

    @Override
    public Node visitTakeOperator(KqlParser.TakeOperatorContext ctx) {
        return new TabularOperator.Take(keyword(ctx), expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitCountOperator(KqlParser.CountOperatorContext ctx) {
        return new TabularOperator.Count(keyword(ctx), span(ctx));
    }

    @Override
    public Node visitDistinctOperator(KqlParser.DistinctOperatorContext ctx) {
        return new TabularOperator.Distinct(keyword(ctx), named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitRenderOperator(KqlParser.RenderOperatorContext ctx) {
        List<RenderProperty> props = new ArrayList<>();
        for (KqlParser.RenderPropertyContext p : ctx.renderProperty()) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i < p.name().size(); i++) {
                names.add(name(p.name(i)));
            }
            props.add(new RenderProperty(name(p.name(0)), expression(p.expression()), List.copyOf(names), span(p)));
        }
        return new TabularOperator.Render(keyword(ctx), name(ctx.name()), List.copyOf(props), span(ctx));
    }

    private Expression joinRight(KqlParser.JoinRightContext right) {
        if (right.pipeline() != null) {
            return new Expression.Parenthesized(pipeline(right.pipeline()), span(right));
        }
        return expression(right.expression());
    }

    private List<Expression> conditions(List<KqlParser.JoinConditionContext> conditions) {
        List<Expression> out = new ArrayList<>();
        for (KqlParser.JoinConditionContext c : conditions) {
            out.add(expression(c.expression()));
        }
        return List.copyOf(out);
    }

    @Override
    public Node visitJoinOperator(KqlParser.JoinOperatorContext ctx) {
        return new TabularOperator.Join(keyword(ctx), parameters(ctx.operatorParameter()), joinRight(ctx.joinRight()),
                conditions(ctx.joinCondition()), span(ctx));
    }

    @Override
    public Node visitLookupOperator(KqlParser.LookupOperatorContext ctx) {
        return new TabularOperator.Lookup(keyword(ctx), parameters(ctx.operatorParameter()),
                joinRight(ctx.joinRight()), conditions(ctx.joinCondition()), span(ctx));
    }

    @Override
    public Node visitUnionOperator(KqlParser.UnionOperatorContext ctx) {
        return new TabularOperator.Union(keyword(ctx), parameters(ctx.operatorParameter()),
                unionItems(ctx.unionItem()), span(ctx));
    }

    @Override
    public Node visitMvExpandOperator(KqlParser.MvExpandOperatorContext ctx) {
        return new TabularOperator.MvExpand(keyword(ctx), parameters(ctx.operatorParameter()),
                mvExpandItems(ctx.mvExpandItem()), expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitMvApplyOperator(KqlParser.MvApplyOperatorContext ctx) {
        KqlParser.PipelineTailContext tail = ctx.pipelineTail();
        Source source = tail.source() == null ? null : (Source) visit(tail.source());
        Pipeline subquery = new Pipeline(source, operators(tail.tabularOperator()), span(tail));
        return new TabularOperator.MvApply(keyword(ctx), parameters(ctx.operatorParameter()),
                mvExpandItems(ctx.mvExpandItem()), expression(ctx.expression()), subquery, span(ctx));
    }

    @Override
    public Node visitParseOperator(KqlParser.ParseOperatorContext ctx) {
        List<ParsePart> parts = new ArrayList<>();
        for (KqlParser.ParsePartContext part : ctx.parsePart()) {
            if (part instanceof KqlParser.ParseWildcardContext) {
                parts.add(new Clause.ParseWildcard(span(part)));
            } else if (part instanceof KqlParser.ParseLiteralContext l) {
                parts.add(new Clause.ParseText(strings(l.stringLiteral()), span(part)));
            } else {
                KqlParser.ParseColumnContext c = (KqlParser.ParseColumnContext) part;
                parts.add(new Clause.ParseCapture(name(c.name()), c.typeName() == null ? null
                        : name(c.typeName().name()), span(part)));
            }
        }
        return new TabularOperator.Parse(keyword(ctx), parameters(ctx.operatorParameter()),
                expression(ctx.expression()), List.copyOf(parts), span(ctx));
    }

    @Override
    public Node visitMakeSeriesOperator(KqlParser.MakeSeriesOperatorContext ctx) {
        List<MakeSeriesItem> items = new ArrayList<>();
        for (KqlParser.MakeSeriesItemContext item : ctx.makeSeriesItem()) {
            // [name =] aggregation [default = value]: a name is written when there are two '=', or one and no default
            boolean named = item.ASSIGN().size() == 2 || item.ASSIGN().size() == 1 && item.expression().size() == 1;
            items.add(new MakeSeriesItem(named ? name(item.name(0)) : null, expression(item.expression(0)),
                    item.expression().size() > 1 ? expression(item.expression(1)) : null, span(item)));
        }
        // the expressions after the items: on, [from], [to], step, in the order written
        List<KqlParser.ExpressionContext> rest = ctx.expression();
        int i = 0;
        Expression axis = expression(rest.get(i++));
        Expression from = ctx.FROM() != null ? expression(rest.get(i++)) : null;
        Expression to = ctx.TO() != null ? expression(rest.get(i++)) : null;
        Expression step = expression(rest.get(i));
        return new TabularOperator.MakeSeries(keyword(ctx), parameters(ctx.operatorParameter()), List.copyOf(items),
                axis, from, to, step, named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitSerializeOperator(KqlParser.SerializeOperatorContext ctx) {
        return new TabularOperator.Serialize(keyword(ctx), named(ctx.namedExpressions()), span(ctx));
    }

    @Override
    public Node visitAsOperator(KqlParser.AsOperatorContext ctx) {
        return new TabularOperator.As(keyword(ctx), name(ctx.name()), span(ctx));
    }

    @Override
    public Node visitSearchOperator(KqlParser.SearchOperatorContext ctx) {
        return new TabularOperator.Search(keyword(ctx), expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitSampleOperator(KqlParser.SampleOperatorContext ctx) {
        return new TabularOperator.Sample(keyword(ctx), expression(ctx.expression()), span(ctx));
    }

    @Override
    public Node visitSampleDistinctOperator(KqlParser.SampleDistinctOperatorContext ctx) {
        return new TabularOperator.SampleDistinct(keyword(ctx), expression(ctx.expression(0)),
                expression(ctx.expression(1)), span(ctx));
    }

    @Override
    public Node visitGetschemaOperator(KqlParser.GetschemaOperatorContext ctx) {
        return new TabularOperator.Getschema(keyword(ctx), span(ctx));
    }

    @Override
    public Node visitEvaluateOperator(KqlParser.EvaluateOperatorContext ctx) {
        return new TabularOperator.Evaluate(keyword(ctx), parameters(ctx.operatorParameter()), name(ctx.name()),
                arguments(ctx.arguments()), ctx.COLON() != null, span(ctx));
    }

    @Override
    public Node visitTopNestedOperator(KqlParser.TopNestedOperatorContext ctx) {
        List<TopNestedLevel> levels = new ArrayList<>();
        for (KqlParser.TopNestedLevelContext level : ctx.topNestedLevel()) {
            // expression(0) is the N when it comes before 'of'; the others value comes after
            List<KqlParser.ExpressionContext> exprs = level.expression();
            boolean counted = !exprs.isEmpty() && exprs.get(0).getStop().getTokenIndex()
                    < level.OF().getSymbol().getTokenIndex();
            Expression count = counted ? expression(exprs.get(0)) : null;
            Expression others = level.OTHERS() == null ? null : expression(exprs.get(exprs.size() - 1));
            levels.add(new TopNestedLevel(count, named(level.namedExpression(0)), others,
                    named(level.namedExpression(1)), level.ASC() != null, span(level)));
        }
        return new TabularOperator.TopNested(keyword(ctx), List.copyOf(levels), span(ctx));
    }

    @Override
    public Node visitInvokeOperator(KqlParser.InvokeOperatorContext ctx) {
        return new TabularOperator.Invoke(keyword(ctx), name(ctx.name()), arguments(ctx.arguments()), span(ctx));
    }

    @Override
    public Node visitOtherOperator(KqlParser.OtherOperatorContext ctx) {
        return new TabularOperator.Other(ctx.getStart().getText(), span(ctx));
    }

    // ------------------------------------------------------------------------------------------------ expressions

    @Override
    public Node visitPrimaryExpression(KqlParser.PrimaryExpressionContext ctx) {
        return visit(ctx.primary());
    }

    @Override
    public Node visitMemberCallExpression(KqlParser.MemberCallExpressionContext ctx) {
        return new Expression.MemberCall(expression(ctx.expression()), name(ctx.name()), arguments(ctx.arguments()),
                span(ctx));
    }

    @Override
    public Node visitMemberExpression(KqlParser.MemberExpressionContext ctx) {
        return new Expression.Member(expression(ctx.expression()), name(ctx.name()), span(ctx));
    }

    @Override
    public Node visitBracketMemberExpression(KqlParser.BracketMemberExpressionContext ctx) {
        return new Expression.Member(expression(ctx.expression()), name(ctx.BRACKETED().getText()), span(ctx));
    }

    @Override
    public Node visitIndexExpression(KqlParser.IndexExpressionContext ctx) {
        return new Expression.Index(expression(ctx.expression(0)), expression(ctx.expression(1)), span(ctx));
    }

    @Override
    public Node visitUnaryExpression(KqlParser.UnaryExpressionContext ctx) {
        return new Expression.Unary(ctx.getChild(0).getText(), expression(ctx.expression()), span(ctx));
    }

    private Node binary(ParserRuleContext ctx, String op, KqlParser.ExpressionContext l,
            KqlParser.ExpressionContext r) {
        return new Expression.Binary(op, expression(l), expression(r), span(ctx));
    }

    @Override
    public Node visitMultiplicativeExpression(KqlParser.MultiplicativeExpressionContext ctx) {
        return binary(ctx, ctx.getChild(1).getText(), ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitAdditiveExpression(KqlParser.AdditiveExpressionContext ctx) {
        return binary(ctx, ctx.getChild(1).getText(), ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitComparisonExpression(KqlParser.ComparisonExpressionContext ctx) {
        return binary(ctx, ctx.getChild(1).getText(), ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitRegexExpression(KqlParser.RegexExpressionContext ctx) {
        return binary(ctx, "matches regex", ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitAndExpression(KqlParser.AndExpressionContext ctx) {
        return binary(ctx, "and", ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitOrExpression(KqlParser.OrExpressionContext ctx) {
        return binary(ctx, "or", ctx.expression(0), ctx.expression(1));
    }

    @Override
    public Node visitInExpression(KqlParser.InExpressionContext ctx) {
        return new Expression.In(ctx.getChild(1).getText(), expression(ctx.expression()), arguments(ctx.arguments()),
                span(ctx));
    }

    @Override
    public Node visitBetweenExpression(KqlParser.BetweenExpressionContext ctx) {
        return new Expression.Between(ctx.NOT_BETWEEN() != null, expression(ctx.expression(0)),
                expression(ctx.expression(1)), expression(ctx.expression(2)), span(ctx));
    }

    @Override
    public Node visitLiteralPrimary(KqlParser.LiteralPrimaryContext ctx) {
        return literal(ctx.literal());
    }

    @Override
    public Node visitDynamicPrimary(KqlParser.DynamicPrimaryContext ctx) {
        return new Expression.DynamicLiteral(json(ctx.jsonValue()), span(ctx));
    }

    @Override
    public Node visitCallPrimary(KqlParser.CallPrimaryContext ctx) {
        return new Expression.Call(name(ctx.name()), arguments(ctx.arguments()), span(ctx));
    }

    @Override
    public Node visitNamePrimary(KqlParser.NamePrimaryContext ctx) {
        return new Expression.Name(name(ctx.name()), span(ctx));
    }

    @Override
    public Node visitParenPrimary(KqlParser.ParenPrimaryContext ctx) {
        return new Expression.Parenthesized(pipeline(ctx.pipeline()), span(ctx));
    }

    @Override
    public Node visitArrayPrimary(KqlParser.ArrayPrimaryContext ctx) {
        return new Expression.Array(expressions(ctx.expression()), span(ctx));
    }

    private static Expression.Literal literal(KqlParser.LiteralContext l) {
        Span at = span(l);
        if (l instanceof KqlParser.StringLitContext s) {
            return new Expression.Literal(ColumnType.STRING, strings(s.stringLiteral()), at);
        }
        if (l instanceof KqlParser.LongLitContext) {
            return new Expression.Literal(ColumnType.LONG, Literals.integer(l.getText()), at);
        }
        if (l instanceof KqlParser.RealLitContext) {
            return new Expression.Literal(ColumnType.REAL, Literals.real(l.getText()), at);
        }
        if (l instanceof KqlParser.TimespanLitContext) {
            return new Expression.Literal(ColumnType.TIMESPAN, Literals.timespan(l.getText()), at);
        }
        if (l instanceof KqlParser.TypedLitContext) {
            try {
                var c = Literals.typed(l.getText());
                return new Expression.Literal(c.type(), c.value(), at);
            } catch (RuntimeException e) {
                throw new KqlSyntaxException("Query could not be parsed at '" + l.getText() + "' on line ["
                        + at.line() + "," + at.column() + "]", at.line(), at.column(), l.getText());
            }
        }
        return new Expression.Literal(ColumnType.BOOL, l.getText().equalsIgnoreCase("true"), at);
    }

    private static JsonNode json(KqlParser.JsonValueContext j) {
        if (j instanceof KqlParser.JsonObjectContext o) {
            ObjectNode bag = Values.bag();
            for (KqlParser.JsonMemberContext m : o.jsonMember()) {
                String key = m.stringLiteral() != null ? Literals.string(m.stringLiteral().STRING(0).getText())
                        : name(m.name());
                bag.set(key, json(m.jsonValue()));
            }
            return bag;
        }
        if (j instanceof KqlParser.JsonArrayContext a) {
            ArrayNode arr = Values.array();
            for (KqlParser.JsonValueContext v : a.jsonValue()) {
                arr.add(json(v));
            }
            return arr;
        }
        if (j instanceof KqlParser.JsonBracketedContext b) {
            ArrayNode arr = Values.array();
            String t = b.getText();
            arr.add(Literals.string(t.substring(1, t.length() - 1).trim()));
            return arr;
        }
        if (j instanceof KqlParser.JsonDynamicContext d) {
            return json(d.jsonValue());
        }
        if (j instanceof KqlParser.JsonNameContext n) {
            String t = n.getText();
            if (t.equals("null")) {
                return Values.NODES.nullNode();
            }
            return Values.NODES.textNode(t);
        }
        KqlParser.JsonLiteralContext l = (KqlParser.JsonLiteralContext) j;
        Object v = literal(l.literal()).value();
        if (l.MINUS() != null) {
            v = Operators.negate(v);
        }
        return Values.toDynamic(v instanceof Instant || v instanceof Duration ? Values.text(v) : v);
    }

    /**
     * Every rule the builder reaches has its own method; reaching this one is a bug in the builder.
     *
     * @param  node a rule without a method
     * @return      never
     */
    @Override
    public Node visitChildren(org.antlr.v4.runtime.tree.RuleNode node) {
        throw new IllegalStateException("no syntax node for " + node.getClass().getSimpleName());
    }
}
