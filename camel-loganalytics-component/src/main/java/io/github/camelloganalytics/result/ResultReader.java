package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a Log Analytics query response,
 * {@code {"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}],"statistics":{...},"render":{...},
 * "error":{...}}}, into typed values (see {@link ColumnType}).
 * <p>
 * It reads in one pass, straight from the stream: {@link #read(InputStream)} keeps every row,
 * {@link #read(InputStream, RowHandler)} hands rows to a {@link RowHandler} as they are parsed and keeps none, so a
 * result of any size is read in constant memory. Top-level keys and table keys may come in any order; unknown keys
 * are skipped. Rows can only be typed once their table's {@code columns} are known and handed over once its
 * {@code name} is, so a table whose {@code rows} come before either (the service sends them last) has its rows
 * buffered until the end of the table. A body that is not of this shape fails with {@link MalformedResultException}; a failure of the stream
 * itself is thrown unchanged.
 * <p>
 * Instances hold no per-read state: one can be shared by any number of threads. Neither method closes the stream.
 */
public final class ResultReader {

    private final JsonFactory factory;
    private final boolean keepUntypedCells;

    /** A reader with the component's Jackson configuration (large strings allowed, nesting capped at 1000). */
    public ResultReader() {
        this(false);
    }

    private ResultReader(boolean keepUntypedCells) {
        this.factory = JsonSupport.FACTORY;
        this.keepUntypedCells = keepUntypedCells;
    }

    /**
     * A reader that never fails because of a cell's value: a cell that is not a value of its column's type is kept
     * as plain JSON (a String, Number, Boolean, Map or List, as {@link ColumnType#DYNAMIC} reads it) instead of
     * raising {@link MalformedResultException}. Everything else is checked as strictly as by
     * {@link #ResultReader()}. For {@code outputFormat=JSON}, whose body is the raw text, the user's to interpret:
     * its headers must not fail on a value the user never asked the component to type.
     *
     * @return a reader keeping untyped cells
     */
    public static ResultReader keepingUntypedCells() {
        return new ResultReader(true);
    }

    /**
     * Reads a whole response, every table with all its rows.
     *
     * @param in the response body; read to the end of the JSON, not closed
     * @return the tables with their rows, and the statistics, render instructions and error the response carried
     * @throws MalformedResultException when the body is empty, not JSON, cut short, or not of the documented shape
     * @throws IOException              when reading the stream fails
     */
    public QueryResult read(InputStream in) throws IOException {
        try {
            return new Session(factory, null, keepUntypedCells).run(in);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // only a RowHandler throws other checked exceptions, and this read has none
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a response and streams the rows to a handler instead of keeping them. The handler receives each row as it
     * is parsed; at no time does the reader hold more than the row being read.
     *
     * @param in      the response body; read to the end of the JSON, not closed
     * @param handler receives the tables and their rows
     * @return the tables with their names and columns but no rows, and the statistics, render instructions and error
     *         the response carried
     * @throws MalformedResultException when the body is empty, not JSON, cut short, or not of the documented shape;
     *                                  rows before the fault have already been handed over
     * @throws IOException              when reading the stream fails
     * @throws Exception                whatever the handler throws, unchanged
     */
    public QueryResult read(InputStream in, RowHandler handler) throws Exception {
        if (handler == null) {
            throw new IllegalArgumentException("handler is null; use read(InputStream) to keep the rows");
        }
        return new Session(factory, handler, keepUntypedCells).run(in);
    }

    /**
     * {@link #read(InputStream, RowHandler)} for handlers that throw no checked exception of their own, such as
     * {@link RowCollector}: only the reading's own failures come out.
     *
     * @param in      the response body; read to the end of the JSON, not closed
     * @param handler receives the tables and their rows
     * @return as {@link #read(InputStream, RowHandler)}
     * @throws MalformedResultException when the body is not of the documented shape
     * @throws IOException              when reading the stream fails
     * @throws IllegalStateException    when the handler throws a checked exception after all
     */
    public QueryResult stream(InputStream in, RowHandler handler) throws IOException {
        try {
            return read(in, handler);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The row handler failed", e);
        }
    }

    /** Carries a handler's own exception through the parsing code, so it is not mistaken for a parse failure. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(Exception cause) {
            super(null, cause, false, false);
        }
    }

    /**
     * Counts the bytes the parser takes and notes the end of the stream, so a parse failure can be told apart as a
     * body that was cut short; and checks the bytes are UTF-8, which Jackson does not fully do. Jackson reads in
     * blocks of several kilobytes, so the counting costs nothing per value; the check is one more pass over bytes
     * the parser reads anyway, mostly ASCII.
     */
    private static final class EndTrackingInputStream extends FilterInputStream {
        long count;
        boolean ended;
        final Utf8Check utf8 = new Utf8Check();

        EndTrackingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                ended = true;
            } else {
                utf8.update(new byte[] {(byte) b}, 0, 1);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                ended = true;
            } else {
                utf8.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

    /** The state of one read: where the parser is, for error messages, and what has been read so far. */
    private static final class Session {

        private final JsonFactory factory;
        /** Null when every row is kept in the returned tables. */
        private final RowHandler handler;

        private final List<ResultTable> tables = new ArrayList<>();
        private boolean tablesSeen;
        private Map<String, Object> statistics;
        private Map<String, Object> render;
        private Map<String, Object> error;

        /** Where the parser is: a top-level key, then table, row and column when inside a table. */
        private String section;
        /** Inside the top-level object, where an early end of input means the body was cut short. */
        private boolean inObject;
        private int tableIndex = -1;
        private String tableName;
        private int rowIndex = -1;

        /** Shares the values repeated down the rows of this read. */
        private final ValueCache cache = new ValueCache();

        /** The body as the parser reads it; set when the read starts. */
        private EndTrackingInputStream body;

        /** Whether a cell that is not of its column's type is kept as plain JSON instead of failing the read. */
        private final boolean keepUntypedCells;

        Session(JsonFactory factory, RowHandler handler, boolean keepUntypedCells) {
            this.factory = factory;
            this.handler = handler;
            this.keepUntypedCells = keepUntypedCells;
        }

        QueryResult run(InputStream in) throws Exception {
            body = new EndTrackingInputStream(in);
            try (JsonParser p = factory.createParser(body)) {
                readResponse(p);
            } catch (HandlerFailure e) {
                throw (Exception) e.getCause();
            } catch (MalformedResultException e) {
                throw e;
            } catch (StreamConstraintsException e) {
                throw new MalformedResultException("The response body exceeds the reader's limits" + where()
                        + " (" + detail(e) + ")", e);
            } catch (JsonProcessingException e) {
                if (inObject && isCutShort(e, body)) {
                    throw new MalformedResultException("The response body ended before the JSON was complete"
                            + where() + "; the response was cut short (" + detail(e) + ")", e);
                }
                throw new MalformedResultException(section == null
                        ? "The response body is not JSON" + (looksLikeMarkup(e) ? ", it looks like an HTML or XML "
                        + "page (often from a proxy or gateway)" : "") + " (" + detail(e) + ")"
                        : "The response body is not valid JSON" + where() + " (" + detail(e) + ")", e);
            } catch (CharConversionException e) {
                throw new MalformedResultException("The response body is not valid UTF-8 JSON" + where() + " ("
                        + e.getMessage() + ")", e);
            }
            if (body.utf8.fault() != null) {
                throw new MalformedResultException(body.utf8.fault());
            }
            if (!tablesSeen && error == null) {
                throw new MalformedResultException("The response has no \"tables\" and no \"error\"; expected "
                        + "{\"tables\":[...]} from the query API");
            }
            return new QueryResult(tables, statistics, render, error);
        }

        private void readResponse(JsonParser p) throws Exception {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new MalformedResultException("The response body is empty; expected a JSON object with "
                        + "\"tables\"");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedResultException("The response body is not a JSON object; expected "
                        + "{\"tables\":[...]} but it starts with " + describe(p, t));
            }
            section = "";
            inObject = true;
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                section = key;
                t = p.nextToken();
                switch (key) {
                    case "tables":
                        readTables(p, t);
                        break;
                    case "statistics":
                        statistics = readMap(p, t);
                        break;
                    case "render":
                        render = readMap(p, t);
                        break;
                    case "error":
                        error = readMap(p, t);
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
                section = "";
            }
            inObject = false;
            t = p.nextToken();
            if (t != null) {
                throw new MalformedResultException("The response body continues after its JSON object with "
                        + describe(p, t));
            }
        }

        private Map<String, Object> readMap(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedResultException("Expected \"" + section + "\" to be a JSON object but found "
                        + describe(p, t));
            }
            return JsonSupport.readObject(p);
        }

        private void readTables(JsonParser p, JsonToken t) throws Exception {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new MalformedResultException("Expected \"tables\" to be a JSON array but found "
                        + describe(p, t));
            }
            tablesSeen = true;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                tableIndex = tables.size();
                tableName = null;
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedResultException("Expected table " + tableIndex + " to be a JSON object but "
                            + "found " + describe(p, t));
                }
                tables.add(readTable(p));
                tableIndex = -1;
                tableName = null;
            }
        }

        private ResultTable readTable(JsonParser p) throws Exception {
            String name = null;
            boolean nameSeen = false;
            List<Column> columns = null;
            boolean rowsSeen = false;
            boolean rowsRead = false;
            TokenBuffer pending = null;
            List<Object[]> kept = handler == null ? new ArrayList<>() : Collections.emptyList();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                switch (key) {
                    case "name":
                        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                            throw new MalformedResultException("Expected the name of table " + tableIndex
                                    + " to be a string but found " + describe(p, t));
                        }
                        name = t == JsonToken.VALUE_NULL ? null : p.getText();
                        nameSeen = true;
                        tableName = name;
                        break;
                    case "columns":
                        if (columns != null) {
                            throw new MalformedResultException("Table " + tableIndex + describeTable()
                                    + " declares \"columns\" twice");
                        }
                        columns = readColumns(p, t);
                        break;
                    case "rows":
                        if (rowsSeen) {
                            throw new MalformedResultException("Table " + tableIndex + describeTable()
                                    + " has \"rows\" twice");
                        }
                        rowsSeen = true;
                        if (columns != null && nameSeen) {
                            readRows(p, t, name, columns, kept);
                            rowsRead = true;
                        } else {
                            // rows before their columns: rare, so buffering them is fine; they cannot be typed yet
                            pending = new TokenBuffer(p).forceUseOfBigDecimal(true);
                            pending.copyCurrentStructure(p);
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (columns == null) {
                throw new MalformedResultException("Table " + tableIndex + describeTable() + " has no \"columns\"");
            }
            if (!rowsRead) {
                if (pending != null) {
                    try (JsonParser buffered = pending.asParser(JsonSupport.CONSTRAINTS)) {
                        readRows(buffered, buffered.nextToken(), name, columns, kept);
                    }
                } else {
                    readRows(null, null, name, columns, kept);
                }
            }
            return new ResultTable(name, columns, kept);
        }

        private List<Column> readColumns(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw new MalformedResultException("Expected the \"columns\" of table " + tableIndex + describeTable()
                        + " to be a JSON array but found " + describe(p, t));
            }
            List<Column> columns = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int index = columns.size();
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedResultException("Expected column " + index + " of table " + tableIndex
                            + describeTable() + " to be a JSON object but found " + describe(p, t));
                }
                String name = null;
                String type = null;
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    JsonToken v = p.nextToken();
                    if ("name".equals(key) && v == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else if ("type".equals(key) && v == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (name == null || type == null) {
                    throw new MalformedResultException("Column " + index + " of table " + tableIndex + describeTable()
                            + " lacks a string \"" + (name == null ? "name" : "type") + '"');
                }
                try {
                    columns.add(new Column(name, ColumnType.fromKql(type)));
                } catch (MalformedResultException e) {
                    throw new MalformedResultException("Column '" + name + "' of table " + tableIndex + describeTable()
                            + ": " + e.getMessage());
                }
            }
            return Collections.unmodifiableList(columns);
        }

        /**
         * The rows of a table, from its {@code START_ARRAY} (or none when {@code p} is null). This is the hot loop:
         * per row it allocates the value array and the values, nothing else.
         */
        private void readRows(JsonParser p, JsonToken t, String name, List<Column> columns, List<Object[]> kept)
                throws Exception {
            if (p != null && t != JsonToken.START_ARRAY && t != JsonToken.VALUE_NULL) {
                throw new MalformedResultException("Expected the \"rows\" of table " + tableIndex + describeTable()
                        + " to be a JSON array but found " + describe(p, t));
            }
            boolean wanted = handler == null || startTable(name, columns);
            if (p == null || t == JsonToken.VALUE_NULL) {
                if (wanted && handler != null) {
                    endTable(0);
                }
                return;
            }
            if (!wanted) {
                p.skipChildren();
                return;
            }
            int n = columns.size();
            ColumnType[] types = new ColumnType[n];
            for (int i = 0; i < n; i++) {
                types[i] = columns.get(i).getType();
            }
            int column = 0;
            rowIndex = 0;
            try {
                while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                    Object[] row = new Object[n];
                    for (column = 0; column < n; column++) {
                        if (p.nextToken() == JsonToken.END_ARRAY) {
                            int length = column;
                            column = -1;
                            throw rowLength(length, columns);
                        }
                        row[column] = keepUntypedCells ? readOrKeep(p, types[column])
                                : types[column].read(p, cache);
                    }
                    column = -1;
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        int length = n + 1;
                        p.skipChildren();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            length++;
                        }
                        throw rowLength(length, columns);
                    }
                    if (handler == null) {
                        kept.add(row);
                    } else {
                        deliver(row);
                    }
                    rowIndex++;
                }
                column = -1;
                if (t != JsonToken.END_ARRAY) {
                    throw new MalformedResultException("Expected row " + rowIndex + " of table " + tableIndex
                            + describeTable() + " to be a JSON array but found " + describe(p, t));
                }
            } catch (MalformedResultException e) {
                if (column < 0 || column >= n) {
                    throw e;
                }
                throw new MalformedResultException("Table " + tableIndex + describeTable() + ", row " + rowIndex
                        + ", column '" + columns.get(column).getName() + "': " + e.getMessage(), e.getCause());
            }
            int count = rowIndex;
            rowIndex = -1;
            if (handler != null) {
                endTable(count);
            }
        }

        /** The cell as its type, or as plain JSON when it is not of the type; the parser is left on its last token. */
        private Object readOrKeep(JsonParser p, ColumnType type) throws IOException {
            try {
                return type.read(p, cache);
            } catch (MalformedResultException e) {
                // ColumnType reports a wrong value before consuming anything past the value's first token
                return JsonSupport.readValue(p);
            }
        }

        private MalformedResultException rowLength(int length, List<Column> columns) {
            return new MalformedResultException("Row " + rowIndex + " of table " + tableIndex + describeTable()
                    + " has " + length + (length == 1 ? " value" : " values") + " but the table declares "
                    + columns.size() + (columns.size() == 1 ? " column" : " columns"));
        }

        private boolean startTable(String name, List<Column> columns) {
            try {
                return handler.startTable(tableIndex, name, columns);
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
        }

        private void deliver(Object[] row) throws MalformedResultException {
            // a row is handed over only while every byte read is UTF-8, which the parser may have decoded into
            // other text; the parser reads ahead, so the fault may lie a little after this row
            if (body.utf8.fault() != null) {
                throw new MalformedResultException(body.utf8.fault() + " (found" + where() + ")");
            }
            try {
                handler.row(row);
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
        }

        private void endTable(int rowCount) {
            try {
                handler.endTable(tableIndex, rowCount);
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
        }

        /** Where the parser is, as a phrase starting with a space or comma, or empty at the top level. */
        private String where() {
            if (tableIndex >= 0) {
                return " in table " + tableIndex + describeTable() + (rowIndex >= 0 ? ", row " + rowIndex : "");
            }
            if (section != null && !section.isEmpty()) {
                return " in \"" + section + '"';
            }
            return "";
        }

        private String describeTable() {
            return tableName == null ? "" : " (" + tableName + ')';
        }

        /**
         * Whether a parse failure is the body ending early. Jackson reports that as {@link JsonEOFException} in some
         * places but as a plain parse error in others (between array entries, inside a literal such as
         * {@code tr}), so a failure at the very end of a fully consumed stream counts too.
         */
        private static boolean isCutShort(JsonProcessingException e, EndTrackingInputStream body) {
            if (e instanceof JsonEOFException) {
                return true;
            }
            if (!body.ended) {
                return false;
            }
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Unexpected end-of-input")) {
                return true;
            }
            JsonLocation at = e.getLocation();
            return at != null && at.getByteOffset() >= 0 && at.getByteOffset() >= body.count - 1;
        }

        private static boolean looksLikeMarkup(JsonProcessingException e) {
            String message = e.getOriginalMessage();
            return message != null && message.startsWith("Unexpected character ('<'");
        }

        private static String detail(JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // nested locations in Jackson's message name a source that is always redacted; drop the noise
            String message = String.valueOf(e.getOriginalMessage()).replace(
                    "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ", "");
            return at == null ? message
                    : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }

        private static String describe(JsonParser p, JsonToken t) throws IOException {
            switch (t) {
                case START_OBJECT:
                    return "a JSON object";
                case START_ARRAY:
                    return "a JSON array";
                case VALUE_STRING:
                    String s = p.getText();
                    return "the string \"" + (s.length() > 100 ? s.substring(0, 100) + "..." : s) + '"';
                default:
                    return p.getText();
            }
        }
    }
}
