package io.github.camelloganalytics.testkit.kql;

import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;

/**
 * What a table name resolves to for one query: the table's columns and the rows the query may see (already
 * narrowed by the request's timespan and target).
 *
 * @param columns the columns
 * @param rows    the rows
 */
public record SourceTable(List<Column> columns, List<Row> rows) {
}
