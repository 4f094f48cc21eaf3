package io.github.camelloganalytics.testkit.kql;

import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.data.Column;

/**
 * The primary result of a query.
 *
 * @param columns          the result's columns
 * @param rows             the rows, values in column order
 * @param visualization    the {@code render} operator's visualization, or null when the query had none
 * @param renderProperties the {@code render ... with (...)} properties by name (title, xtitle, ytitle, legend,
 *                         kind, xcolumn, ycolumns and series as lists of names, ymin, ymax, ...); empty without
 *                         them
 */
public record KqlResult(List<Column> columns, List<Object[]> rows, String visualization,
        Map<String, Object> renderProperties) {

    /**
     * @param columns          the result's columns
     * @param rows             the rows
     * @param visualization    the visualization, or null
     * @param renderProperties the render properties, or null for none
     */
    public KqlResult {
        renderProperties = renderProperties == null ? Map.of() : renderProperties;
    }

    /**
     * A result without render properties.
     *
     * @param columns       the result's columns
     * @param rows          the rows, values in column order
     * @param visualization the {@code render} operator's visualization, or null
     */
    public KqlResult(List<Column> columns, List<Object[]> rows, String visualization) {
        this(columns, rows, visualization, Map.of());
    }
}
