package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnPattern;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Part;
import io.github.camelloganalytics.testkit.kql.ast.Node;

/**
 * The tables a wildcard ({@code Heart*}, {@code *}) of {@code union} or {@code search} names, from the names the
 * table resolver lists. The reference leaves the order of the matched tables unspecified; the emulator takes them
 * in alphabetical (ordinal) order so that results are stable.
 */
final class TableWildcards {

    private TableWildcards() {
    }

    /**
     * The names of all tables, in alphabetical order.
     *
     * @throws io.github.camelloganalytics.testkit.kql.NotSupportedByEmulatorException when the resolver lists no
     *         tables: it cannot tell which tables exist, so the query is one the emulator cannot answer
     */
    static List<String> all(Resolver r, String what, Node at) {
        List<String> names = new ArrayList<>(r.tables().tableNames());
        if (names.isEmpty()) {
            throw ExpressionResolver.notSupported(what + " (the table resolver lists no tables)", at);
        }
        names.sort(null);
        return names;
    }

    /** The names of the tables the pattern matches (case-sensitive, as table names are), alphabetically. */
    static List<String> matching(Resolver r, ColumnPattern pattern, String keyword, Node at) {
        StringBuilder sb = new StringBuilder();
        for (Part part : pattern.parts()) {
            sb.append(part.wildcard() ? ".*" : Pattern.quote(part.name()));
        }
        Pattern p = Pattern.compile(sb.toString());
        List<String> out = new ArrayList<>();
        for (String name : all(r, "table wildcards in '" + keyword + "'", at)) {
            if (p.matcher(name).matches()) {
                out.add(name);
            }
        }
        return out;
    }
}
