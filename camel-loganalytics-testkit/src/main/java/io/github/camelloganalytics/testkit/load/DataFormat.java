package io.github.camelloganalytics.testkit.load;

import java.util.Locale;
import java.util.Optional;

/** The formats a table's records can be loaded from, each known by its file extension. */
public enum DataFormat {
    /**
     * {@code .json}: a response of the query API ({@code {"tables":[{"name","columns","rows"}]}}, as saved from the
     * service; its first table is loaded, typed by its {@code columns}), or a JSON array of objects.
     */
    JSON(".json"),
    /** {@code .ndjson} or {@code .jsonl}: one JSON object per line, a record each. */
    NDJSON(".ndjson", ".jsonl"),
    /** {@code .csv}: a header line naming the columns, then a record per line (RFC 4180). */
    CSV(".csv");

    /** The suffix of a schema file beside a data file: {@code Orders_CL.schema.json} for {@code Orders_CL.csv}. */
    public static final String SCHEMA_SUFFIX = ".schema.json";

    private final String[] extensions;

    DataFormat(String... extensions) {
        this.extensions = extensions;
    }

    /**
     * @param  fileName a file name such as {@code Orders_CL.ndjson}
     * @return          its format, or empty for a schema file or any other file
     */
    public static Optional<DataFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(SCHEMA_SUFFIX)) {
            return Optional.empty();
        }
        for (DataFormat f : values()) {
            for (String e : f.extensions) {
                if (lower.endsWith(e) && lower.length() > e.length()) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param  fileName a data file's name
     * @return          the table it loads into: the name without its extension ({@code Orders_CL.ndjson} gives
     *                  {@code Orders_CL})
     */
    public static String tableName(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }
}
