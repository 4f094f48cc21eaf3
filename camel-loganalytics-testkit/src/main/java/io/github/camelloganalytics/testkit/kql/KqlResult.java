package io.github.camelloganalytics.testkit.kql;

import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;

/**
 * The primary result of a query.
 *
 * @param columns       the result's columns
 * @param rows          the rows, values in column order
 * @param visualization the {@code render} operator's visualization, or null when the query had none
 */
public record KqlResult(List<Column> columns, List<Object[]> rows, String visualization) {
}
