package io.github.camelloganalytics.testkit.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * Loads a table's records from a file: a query API response saved from the service ({@code .json}), NDJSON
 * ({@code .ndjson}, {@code .jsonl}) or CSV ({@code .csv}); the table is named after the file ({@code Orders_CL.ndjson}
 * loads table {@code Orders_CL}).
 *
 * <p>
 * Column types come from a schema file beside the data file ({@code Orders_CL.schema.json}: a JSON array of
 * {@code {"name": ..., "type": ...}} with KQL type names, or an object with such a {@code columns} array), else from
 * the response's own {@code columns}, else they are inferred ({@link TypeInference}). Columns the data holds and the
 * schema does not name are inferred and added after the schema's.
 *
 * <p>
 * Records keep the times they carry; their ingestion time is their {@code TimeGenerated}. A value that does not fit
 * its column's type is refused with an {@link IllegalArgumentException} naming the file, the record and the column.
 */
public final class TableLoader {

    private TableLoader() {
    }

    /**
     * Loads every data file of a directory (not its subdirectories), a table each; other files are ignored.
     *
     * @param  dir the directory
     * @return     the tables, in file name order
     * @throws UncheckedIOException     when the directory cannot be read
     * @throws IllegalArgumentException when a file holds no data file or a record does not fit
     */
    public static List<Table> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> DataFormat.ofFileName(p.getFileName().toString()).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        List<Table> tables = new ArrayList<>();
        for (Path f : files) {
            tables.add(load(f));
        }
        return tables;
    }

    /**
     * Loads one data file into a new table named after it, typed by the schema file beside it when there is one.
     *
     * @param  file a {@code .json}, {@code .ndjson}, {@code .jsonl} or {@code .csv} file
     * @return      the table
     */
    public static Table load(Path file) {
        String fileName = file.getFileName().toString();
        DataFormat format = DataFormat.ofFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
                "Not a data file (.json, .ndjson, .jsonl or .csv): " + file));
        String tableName = DataFormat.tableName(fileName);
        Path schemaFile = file.resolveSibling(tableName + DataFormat.SCHEMA_SUFFIX);
        TableSchema schema = null;
        if (Files.isRegularFile(schemaFile)) {
            try (InputStream in = Files.newInputStream(schemaFile)) {
                schema = readSchema(tableName, in, schemaFile.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + schemaFile, e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(tableName, format, in, schema, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Loads records from a stream into a new table.
     *
     * @param  tableName the table's name
     * @param  format    the stream's format
     * @param  in        the records (UTF-8); not closed
     * @param  schema    the columns and types, or null to take them from a response's columns or infer them
     * @return           the table
     */
    public static Table load(String tableName, DataFormat format, InputStream in, TableSchema schema) {
        return load(tableName, format, in, schema, tableName + " (" + format + ")");
    }

    /**
     * Reads a schema file.
     *
     * @param  tableName the table it describes
     * @param  in        a JSON array of {@code {"name": ..., "type": ...}}, or an object with such a
     *                   {@code columns} array; not closed
     * @return           the schema
     */
    public static TableSchema readSchema(String tableName, InputStream in) {
        return readSchema(tableName, in, tableName + " schema");
    }

    private static TableSchema readSchema(String tableName, InputStream in, String source) {
        JsonNode root;
        try {
            root = Values.JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        JsonNode cols = root != null && root.isObject() ? root.get("columns") : root;
        if (cols == null || !cols.isArray() || cols.isEmpty()) {
            throw new IllegalArgumentException(source
                                               + ": expected a JSON array of {\"name\": ..., \"type\": ...} (or an object with such a \"columns\" array)");
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : cols) {
            String name = c.path("name").asText("");
            String type = c.path("type").asText("");
            try {
                columns.add(Column.of(name, ColumnType.ofKqlName(type)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": column " + c + ": " + e.getMessage()
                                                   + " (types: bool, int, long, real, decimal, string, datetime, timespan, guid, dynamic)",
                        e);
            }
        }
        return new TableSchema(tableName, columns);
    }

    private static Table load(String tableName, DataFormat format, InputStream in, TableSchema schema,
                              String source) {
        try {
            return switch (format) {
                case JSON -> json(tableName, in, schema, source);
                case NDJSON -> objects(tableName, ndjson(in, source), schema, source);
                case CSV -> csv(tableName, in, schema, source);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    private static Table json(String tableName, InputStream in, TableSchema schema, String source) throws IOException {
        JsonNode root;
        try {
            root = Values.JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root != null && root.isArray()) {
            List<Located> objects = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                objects.add(new Located(root.get(i), "record " + (i + 1)));
            }
            return objects(tableName, objects, schema, source);
        }
        JsonNode first = root == null ? null : root.path("tables").path(0);
        if (first == null || !first.path("columns").isArray() || !first.path("rows").isArray()) {
            throw new IllegalArgumentException(source + ": expected a query API response ({\"tables\":[{\"name\","
                                               + "\"columns\",\"rows\"}]}) or a JSON array of objects");
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : first.get("columns")) {
            String name = c.path("name").asText();
            ColumnType type = ColumnType.ofKqlName(c.path("type").asText());
            if (schema != null && schema.indexOf(name) >= 0) {
                type = schema.columns().get(schema.indexOf(name)).type();
            }
            columns.add(Column.of(name, type));
        }
        Table table = new Table(tableName, columns);
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode row : first.get("rows")) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Values.fromJson(row.get(i), columns.get(i).type());
            }
            rows.add(values);
        }
        return add(table, rows, source);
    }

    private record Located(JsonNode value, String where) {
    }

    private static List<Located> ndjson(InputStream in, String source) throws IOException {
        List<Located> objects = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                objects.add(new Located(Values.JSON.readTree(line), "line " + n));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + " line " + n + ": not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return objects;
    }

    private static Table objects(String tableName, List<Located> objects, TableSchema schema, String source) {
        Map<String, TypeInference> inferred = new LinkedHashMap<>();
        for (Located o : objects) {
            if (!o.value().isObject()) {
                throw new IllegalArgumentException(source + " " + o.where() + ": not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.value().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                inferred.computeIfAbsent(e.getKey(), k -> new TypeInference()).accept(e.getValue());
            }
        }
        Table table = new Table(tableName, columns(tableName, schema, inferred, source));
        List<Column> columns = table.columns();
        List<Object[]> rows = new ArrayList<>();
        for (Located o : objects) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Values.fromJson(o.value().get(columns.get(i).name()), columns.get(i).type());
            }
            rows.add(values);
        }
        return add(table, rows, source);
    }

    private static Table csv(String tableName, InputStream in, TableSchema schema, String source) throws IOException {
        CsvReader reader = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        List<String> header = reader.next();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty; a CSV file starts with a header line naming the columns");
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, TypeInference> inferred = new LinkedHashMap<>();
        for (String h : header) {
            if (inferred.put(h.trim(), new TypeInference()) != null) {
                throw new IllegalArgumentException(source + ": the header names column " + h.trim() + " twice");
            }
        }
        List<String> names = new ArrayList<>(inferred.keySet());
        while (true) {
            int line = reader.line();
            List<String> r = reader.next();
            if (r == null) {
                break;
            }
            if (r.size() != names.size()) {
                throw new IllegalArgumentException(source + " line " + line + ": " + r.size() + " fields, the header names "
                                                   + names.size());
            }
            for (int i = 0; i < r.size(); i++) {
                inferred.get(names.get(i)).accept(r.get(i));
            }
            records.add(r);
            lines.add(line);
        }
        Table table = new Table(tableName, columns(tableName, schema, inferred, source));
        List<Column> columns = table.columns();
        int[] field = new int[columns.size()];
        for (int i = 0; i < field.length; i++) {
            field[i] = names.indexOf(columns.get(i).name());
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<String> r : records) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = field[i] < 0 ? null : Values.fromText(r.get(field[i]), columns.get(i).type());
            }
            rows.add(values);
        }
        return add(table, rows, source);
    }

    private static List<Column> columns(String tableName, TableSchema schema, Map<String, TypeInference> inferred,
                                        String source) {
        List<Column> columns = new ArrayList<>();
        if (schema != null) {
            columns.addAll(schema.columns());
        }
        for (Map.Entry<String, TypeInference> e : inferred.entrySet()) {
            if (schema == null || schema.indexOf(e.getKey()) < 0) {
                columns.add(Column.of(e.getKey(), e.getValue().type()));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + ": no record and no schema file, so table " + tableName
                                               + " has no columns");
        }
        return columns;
    }

    private static Table add(Table table, List<Object[]> rows, String source) {
        try {
            table.addRows(rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return table;
    }
}
