package io.github.camelloganalytics.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlResult;

/**
 * Writes the body of a successful answer in the live service's shape, as public recordings of it show (kept as test
 * data in the component's {@code src/test/resources/recordings}): datetimes with their fractional digits trimmed
 * ({@code 2022-06-03T19:50:29.043Z}, {@code 2017-08-24T06:59:59Z}), {@code real} values that are whole numbers as
 * JSON integers, statistics wrapped in {@code query} with every section the service sends, and {@code render} with
 * the fields the query did not set null, {@code yMin}/{@code yMax} the string {@code "NaN"}, and
 * {@code "visualization": null} when the query has no {@code render}.
 */
final class ResultJson {

    /** What the statistics report as the scanned extents' datetimes: the service's "none", in its 7-digit form. */
    private static final String NO_DATETIME = "0001-01-01T00:00:00.0000000Z";
    /** The largest magnitude below which a whole double is written as an integer, as the service does. */
    private static final double EXACT_LONG = 9.007199254740992E15;

    private final JsonFactory factory = new JsonFactory();

    /** What the statistics of one answer report. */
    record Statistics(double seconds, long scanned, int rows, int datasets) {
    }

    /**
     * @param result       the query's result (columns and visualization)
     * @param rows         the rows to send, possibly cut to the row limit
     * @param partialError the raw JSON of a partial error, or null
     * @param prefer       the request's preferences, by lower-case name
     * @param statistics   what the statistics report
     * @return the body
     */
    String write(KqlResult result, List<Object[]> rows, String partialError, Map<String, String> prefer,
                 Statistics statistics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("tables");
            g.writeStartObject();
            g.writeStringField("name", "PrimaryResult");
            g.writeArrayFieldStart("columns");
            for (Column c : result.columns()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("type", c.type().kqlName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (Object[] row : rows) {
                g.writeStartArray();
                for (int i = 0; i < row.length; i++) {
                    writeCell(g, result.columns().get(i).type(), row[i]);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            if ("true".equalsIgnoreCase(prefer.get("include-render"))) {
                writeRender(g, result);
            }
            if ("true".equalsIgnoreCase(prefer.get("include-statistics"))) {
                writeStatistics(g, statistics);
            }
            if (partialError != null) {
                g.writeFieldName("error");
                g.writeRawValue(partialError);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One cell as the service writes it. */
    static void writeCell(JsonGenerator g, ColumnType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (type == ColumnType.DATETIME) {
            g.writeString(datetime((Instant) value));
        } else if (type == ColumnType.REAL && isWhole((Double) value)) {
            g.writeNumber(((Double) value).longValue());
        } else {
            type.write(g, value);
        }
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < EXACT_LONG && !(d == 0 && 1 / d < 0);
    }

    /** A datetime cell: up to 7 fractional digits, trailing zeros dropped, no dot when none is left. */
    static String datetime(Instant instant) {
        String full = ColumnType.formatDatetime(instant);
        int dot = full.lastIndexOf('.');
        if (dot < 0) {
            return full;
        }
        int end = full.length() - 1;
        int last = end - 1;
        while (last > dot && full.charAt(last) == '0') {
            last--;
        }
        return (last == dot ? full.substring(0, dot) : full.substring(0, last + 1)) + 'Z';
    }

    private static void writeStatistics(JsonGenerator g, Statistics s) throws IOException {
        g.writeObjectFieldStart("statistics");
        g.writeObjectFieldStart("query");
        g.writeNumberField("executionTime", s.seconds());
        g.writeObjectFieldStart("resourceUsage");
        g.writeObjectFieldStart("cache");
        for (String tier : List.of("memory", "disk")) {
            g.writeObjectFieldStart(tier);
            g.writeNumberField("hits", 0);
            g.writeNumberField("misses", 0);
            g.writeNumberField("total", 0);
            g.writeEndObject();
        }
        g.writeObjectFieldStart("shards");
        for (String tier : List.of("hot", "cold")) {
            g.writeObjectFieldStart(tier);
            g.writeNumberField("hitbytes", 0);
            g.writeNumberField("missbytes", 0);
            g.writeNumberField("retrievebytes", 0);
            g.writeEndObject();
        }
        g.writeNumberField("bypassbytes", 0);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("cpu");
        String cpu = ColumnType.formatTimespan(Duration.ofNanos((long) (s.seconds() * 1e9)));
        g.writeStringField("user", cpu);
        g.writeStringField("kernel", "00:00:00");
        g.writeStringField("totalCpu", cpu);
        g.writeEndObject();
        g.writeObjectFieldStart("memory");
        g.writeNumberField("peakPerNode", 1_048_576L + s.scanned() * 256L);
        g.writeEndObject();
        g.writeObjectFieldStart("network");
        g.writeNumberField("interClusterTotalBytes", s.rows() * 128L);
        g.writeNumberField("crossClusterTotalBytes", 0);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("inputDatasetStatistics");
        g.writeObjectFieldStart("extents");
        g.writeNumberField("total", s.datasets());
        g.writeNumberField("scanned", s.datasets());
        g.writeStringField("scannedMinDatetime", NO_DATETIME);
        g.writeStringField("scannedMaxDatetime", NO_DATETIME);
        g.writeEndObject();
        g.writeObjectFieldStart("rows");
        g.writeNumberField("total", s.scanned());
        g.writeNumberField("scanned", s.scanned());
        g.writeEndObject();
        g.writeObjectFieldStart("rowstores");
        g.writeNumberField("scannedRows", 0);
        g.writeNumberField("scannedValuesSize", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("shards");
        g.writeNumberField("queriesGeneric", 0);
        g.writeNumberField("queriesSpecialized", 0);
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("datasetStatistics");
        g.writeStartObject();
        g.writeNumberField("tableRowCount", s.rows());
        g.writeNumberField("tableSize", s.rows() * 128L);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("crossClusterResourceUsage");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The render object's fields in the service's order, each with the {@code render ... with (...)} property that
     * sets it (null for the two the query cannot set).
     */
    private static final List<String[]> RENDER_FIELDS = List.of(new String[] { "title", "title" },
            new String[] { "accumulate", "accumulate" }, new String[] { "isQuerySorted", null },
            new String[] { "kind", "kind" }, new String[] { "legend", "legend" }, new String[] { "series", "series" },
            new String[] { "yMin", "ymin" }, new String[] { "yMax", "ymax" }, new String[] { "xAxis", "xaxis" },
            new String[] { "xColumn", "xcolumn" }, new String[] { "xTitle", "xtitle" },
            new String[] { "yAxis", "yaxis" }, new String[] { "yColumns", "ycolumns" },
            new String[] { "ySplit", "ysplit" }, new String[] { "yTitle", "ytitle" },
            new String[] { "anomalyColumns", "anomalycolumns" });

    /**
     * The render object as the service writes it: the visualization, then every field, set from the query's
     * {@code with (...)} properties: column lists as arrays of names, {@code yMin}/{@code yMax} as numbers (the
     * string {@code "NaN"} when unset), {@code accumulate} and {@code isQuerySorted} as booleans (false unless set),
     * the others as strings, null when unset.
     */
    private static void writeRender(JsonGenerator g, KqlResult result) throws IOException {
        Map<String, Object> props = result.renderProperties();
        g.writeObjectFieldStart("render");
        g.writeStringField("visualization", result.visualization());
        for (String[] field : RENDER_FIELDS) {
            String name = field[0];
            Object value = field[1] == null ? null : props.get(field[1]);
            g.writeFieldName(name);
            switch (name) {
                case "accumulate", "isQuerySorted" -> g.writeBoolean(
                        value != null && Boolean.parseBoolean(String.valueOf(value)));
                case "yMin", "yMax" -> {
                    Double d = value == null ? null : number(value);
                    if (d == null) {
                        g.writeString("NaN");
                    } else {
                        g.writeNumber(d);
                    }
                }
                case "series", "yColumns", "anomalyColumns" -> {
                    if (value instanceof List<?> names) {
                        g.writeStartArray();
                        for (Object n : names) {
                            g.writeString(String.valueOf(n));
                        }
                        g.writeEndArray();
                    } else {
                        g.writeNull();
                    }
                }
                default -> {
                    if (value == null) {
                        g.writeNull();
                    } else {
                        g.writeString(value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf)
                                .toList()) : String.valueOf(value));
                    }
                }
            }
        }
        g.writeEndObject();
    }

    /** @return a ymin/ymax value as a number, or null when it is not one */
    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
