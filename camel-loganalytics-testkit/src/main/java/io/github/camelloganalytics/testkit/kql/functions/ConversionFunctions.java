package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Conversion functions of the KQL reference ("Conversion functions"): null when a value cannot be converted. */
public final class ConversionFunctions {

    private ConversionFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        List<ScalarFunction> out = new ArrayList<>();
        conv(out, ColumnType.STRING, "tostring");
        conv(out, ColumnType.INT, "toint", "int");
        conv(out, ColumnType.LONG, "tolong", "long");
        conv(out, ColumnType.REAL, "todouble", "toreal", "real", "double");
        conv(out, ColumnType.DECIMAL, "todecimal", "decimal");
        conv(out, ColumnType.BOOL, "tobool", "toboolean", "bool", "boolean");
        conv(out, ColumnType.DATETIME, "todatetime");
        conv(out, ColumnType.TIMESPAN, "totimespan", "totime");
        conv(out, ColumnType.GUID, "toguid");
        conv(out, ColumnType.DYNAMIC, "todynamic", "toobject", "parse_json");
        return out;
    }

    private static void conv(List<ScalarFunction> out, ColumnType type, String... names) {
        for (String n : names) {
            out.add(Fn.nullable(n, 1, 1, fixed(type), a -> {
                if (type == ColumnType.DYNAMIC && a[0] instanceof String s) {
                    return Values.parseJson(s);
                }
                if (type == ColumnType.STRING && a[0] == null) {
                    return "";
                }
                return Values.convert(a[0], type);
            }));
        }
    }
}
