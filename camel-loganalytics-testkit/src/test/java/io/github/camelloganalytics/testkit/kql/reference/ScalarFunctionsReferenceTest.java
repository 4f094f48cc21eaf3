package io.github.camelloganalytics.testkit.kql.reference;

import static io.github.camelloganalytics.testkit.kql.reference.Kql.one;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.rows;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.schema;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * Scalar functions, scalar operators, aggregations and value semantics as the KQL reference documents them; each
 * test names its page.
 */
class ScalarFunctionsReferenceTest {

    static String t(String query) {
        return Values.text(one(query));
    }

    /** datetime.md, timespan.md, scalar-data-types: literal forms and the ten types. */
    @Test
    void literalsAndTypes() {
        assertEquals(List.of("print_0:bool", "print_1:int", "print_2:long", "print_3:real", "print_4:decimal",
                "print_5:string", "print_6:datetime", "print_7:timespan", "print_8:guid", "print_9:dynamic"),
                schema("print true, int(1), 2, 3.5, decimal(1.25), 'x', datetime(2024-01-01), 1h, "
                        + "guid(74be27de-1e4e-49d9-b579-fe0b331d3642), dynamic({'a':1})"));
        assertEquals(Duration.ofMinutes(90), one("print 1.5h"));
        assertEquals(Duration.ofMillis(100), one("print 100ms"));
        assertEquals(Duration.ofDays(2), one("print time(2.00:00:00)"));
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), one("print datetime(2024-01-01 10:00)"));
        assertEquals("a'b\"c", one("print 'a\\'b\"c'"));
        assertEquals("C:\\x", one("print @'C:\\x'"));
        assertNull(one("print long(null)"));
        assertEquals(Double.NaN, one("print real(nan)"));
    }

    /** numerical-operators.md: integer division truncates, % is non-negative, real division. */
    @Test
    void numericalOperators() {
        assertEquals(3L, one("print 7 / 2"));
        assertEquals(3.5, one("print 7 / 2.0"));
        assertEquals(10L, one("print -14 % 12"));
        assertEquals(new BigDecimal("3.75"), one("print decimal(1.25) * 3"));
        assertNull(one("print 1 / 0"));
    }

    /** datetime-timespan-arithmetic.md: datetime - datetime, datetime +- timespan, timespan / timespan. */
    @Test
    void datetimeArithmetic() {
        assertEquals(Duration.ofHours(36), one("print datetime(2024-01-02 12:00) - datetime(2024-01-01)"));
        assertEquals(Instant.parse("2023-12-31T23:00:00Z"), one("print datetime(2024-01-01) - 1h"));
        assertEquals(24.0, one("print 1d / 1h"));
        assertEquals(Duration.ofMinutes(30), one("print 1h / 2"));
        assertEquals(Duration.ofHours(3), one("print 3 * 1h"));
    }

    /** string-operators.md: has on terms, contains, startswith, the _cs and ! forms, =~, in~, has_any, between. */
    @Test
    void stringOperators() {
        String s = "print s = 'North America-Region'";
        assertEquals(rows("true|false|true|false|true|false|true|true|false"), text(s
                + " | project s has 'america', s has 'amer', s contains 'amer', s contains_cs 'amer', "
                + "s startswith 'NORTH', s startswith_cs 'NORTH', s endswith 'region', s !has 'south', s =~ 'x'"));
        assertEquals(rows("true|false|true|true|false"), text(s + " | project s has_cs 'America', s !contains 'rica', "
                + "s has_any ('x', 'region'), s has_all ('north', 'region'), s hasprefix 'merica'"));
        assertEquals(rows("true|true|false|true"), text("print x = 'Abc' | project x in ('abc', 'Abc'), x in~ ('ABC'),"
                + " x !in ('Abc'), x matches regex '^A.c$'"));
        assertEquals(rows("true|false"), text("print x = 5 | project x between (1 .. 5), x !between (1 .. 10)"));
        assertEquals(true, one("print datetime(2024-01-01 10:00) between (datetime(2024-01-01) .. 12h)"));
    }

    /** in-operator.md: a dynamic array and a subquery are lists too. */
    @Test
    void inWithArraysAndSubqueries() {
        assertEquals(true, one("print 2 in (dynamic([1, 2]), 7)"));
        assertEquals(2L, one("range x from 1 to 5 step 1 | where x in ((range y from 4 to 9 step 1)) | count"));
    }

    /** logical-operators.md: and/or with null follow three-valued logic. */
    @Test
    void logicalOperators() {
        assertEquals(false, one("print bool(null) and false"));
        assertEquals(true, one("print bool(null) or true"));
        assertNull(one("print bool(null) and true"));
        assertEquals(false, one("print not(true)"));
    }

    /** Conversion functions (tostring, toint, tolong, todouble, todecimal, tobool, todatetime, totimespan, toguid,
     * parse_json/todynamic): null when the value cannot be converted. */
    @Test
    void conversions() {
        assertEquals(rows("12|12|12.5|true|1.5"), text("print toint('12'), tolong(12.9), todouble('12.5'), "
                + "tobool('true'), todecimal('1.5')"));
        assertNull(one("print toint('abc')"));
        assertEquals(Instant.parse("2024-02-03T04:05:06Z"), one("print todatetime('2024-02-03T04:05:06Z')"));
        assertEquals(Duration.ofMinutes(5), one("print totimespan('00:05:00')"));
        assertEquals(UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"),
                one("print toguid('74be27de-1e4e-49d9-b579-fe0b331d3642')"));
        assertEquals("2", t("print parse_json('{\"a\":{\"b\":[1,2]}}').a.b[1]"));
        assertEquals("1", t("print todynamic('{\"x\":1}')['x']"));
        assertEquals("", one("print tostring(long(null))"));
        assertEquals("1.02:03:04", one("print tostring(1d + 2h + 3m + 4s)"));
    }

    /** Datetime functions: ago, now, bin, bin_at, startof/endof, parts, datetime_add/diff, formats, make_datetime,
     * unixtime. */
    @Test
    void datetimeFunctions() {
        assertEquals(Kql.NOW.minus(Duration.ofHours(1)), one("print ago(1h)"));
        assertEquals(Kql.NOW, one("print now()"));
        String d = "datetime(2024-03-15 13:45:30)";
        assertEquals(rows("2024-03-15T13:00:00.0000000Z|2024-03-15T00:00:00.0000000Z|2024-03-15T23:59:59.9999999Z|"
                + "2024-03-10T00:00:00.0000000Z|2024-03-01T00:00:00.0000000Z|2024-01-01T00:00:00.0000000Z"),
                text("print bin(" + d + ", 1h), startofday(" + d + "), endofday(" + d + "), startofweek(" + d
                        + "), startofmonth(" + d + "), startofyear(" + d + ")"));
        assertEquals(rows("5.00:00:00|15|13|3|2024|75"), text("print dayofweek(" + d + "), dayofmonth(" + d
                + "), hourofday(" + d + "), getmonth(" + d + "), getyear(" + d + "), dayofyear(" + d + ")"));
        assertEquals(rows("2024-04-15T13:45:30.0000000Z|2|45"), text("print datetime_add('month', 1, " + d
                + "), datetime_diff('day', datetime(2024-03-17), " + d + "), datetime_part('minute', " + d + ")"));
        assertEquals("2024-03-15 13:45", one("print format_datetime(" + d + ", 'yyyy-MM-dd HH:mm')"));
        assertEquals("01:30:00", one("print format_timespan(90m, 'hh:mm:ss')"));
        assertEquals(Instant.parse("2024-03-15T10:00:00Z"), one("print make_datetime(2024, 3, 15, 10, 0)"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), one("print unixtime_seconds_todatetime(1700000000)"));
        assertEquals(Instant.parse("2024-03-15T13:30:00Z"), one("print bin_at(" + d + ", 1h, datetime(2024-01-01 00:30))"));
    }

    /** String functions. */
    @Test
    void stringFunctions() {
        assertEquals(rows("ab1|3|bc|ABC|abc|a-b"), text("print strcat('a', 'b', 1), strlen('abc'), substring('abcd', 1, 2),"
                + " toupper('abc'), tolower('ABC'), strcat_delim('-', 'a', 'b')"));
        assertEquals(rows("xaz|x_z|2|2|1|[\"a\",\"b\",\"c\"]"), text("print trim('b', 'bxazb'), replace_string('xyz', "
                + "'y', '_'), indexof('abcd', 'c'), countof('aXbXc', 'X'), countof('aaa', 'aa'), split('a,b,c', ',')"));
        assertEquals(rows("123|[\"1\",\"22\"]|xx-z|cba|ab,ab"), text("print extract('id=([0-9]+)', 1, 'x id=123 y'), "
                + "extract_all('([0-9]+)', 'a1b22'), replace_regex('xy-z', 'y', 'x'), reverse('abc'), strrep('ab', 2, ',')"));
        assertEquals(123L, one("print extract('id=([0-9]+)', 1, 'id=123', typeof(long))"));
        assertEquals(rows("aGVsbG8=|hello|a%20b|a b"), text("print base64_encode_tostring('hello'), "
                + "base64_decode_tostring('aGVsbG8='), url_encode_component('a b'), url_decode('a%20b')"));
        assertEquals("example.com", t("print parse_url('https://example.com:8080/p?q=1#f').Host"));
        assertEquals("1", t("print parse_url('https://example.com:8080/p?q=1#f')['Query Parameters'].q"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", one("print hash_sha256('hello')"));
    }

    /** hash-function.md: xxhash64 of the UTF-8 bytes, modulo when asked. */
    @Test
    void hashFunction() {
        // XXH64("") with seed 0 is the published test vector 0xEF46DB3751D8E999
        assertEquals(0xEF46DB3751D8E999L, one("print hash('')"));
        assertEquals(Math.floorMod(0xEF46DB3751D8E999L, 10L), one("print hash('', 10)"));
    }

    /** Conditional functions: iff, case, coalesce, isnull/isempty and their negations, max_of, min_of. */
    @Test
    void conditionalFunctions() {
        assertEquals(rows("yes|b|x|true|true|false|true|5|1"), text("print iff(1 > 0, 'yes', 'no'), case(false, 'a', true, "
                + "'b', 'c'), coalesce(string(null), 'x'), isnull(long(null)), isempty(''), isnotempty(''), "
                + "isnotnull(1), max_of(1, 5, 3), min_of(1, 5, 3)"));
        assertEquals(2.5, one("print iif(true, 2.5, 1)"));
        assertEquals("SEM0219", assertThrows(KqlSemanticException.class, () -> one("print iff(1, 2, 3)")).code());
    }

    /** Math functions. */
    @Test
    void mathFunctions() {
        assertEquals(rows("3|4|3|2.35|8|3|-1|2|1"), text("print abs(-3), ceiling(3.2), floor(3.7), round(2.345, 2), "
                + "pow(2, 3), sqrt(9), sign(-4), log10(100), exp(0)"));
        assertEquals(10L, one("print bin(14, 5)"));
    }

    /** Dynamic functions and member access. */
    @Test
    void dynamicFunctions() {
        assertEquals(rows("{\"a\":1,\"b\":\"x\"}|[1,\"y\"]|3|[1,2,3]|[2,3]|[\"a\",\"b\"]|{\"a\":1,\"b\":2}|[1,2,3]"),
                text("print bag_pack('a', 1, 'b', 'x'), pack_array(1, 'y'), array_length(dynamic([1,2,3])), "
                        + "array_concat(dynamic([1]), dynamic([2,3])), array_slice(dynamic([1,2,3]), 1, 2), "
                        + "bag_keys(dynamic({'a':1,'b':2})), bag_merge(dynamic({'a':1}), dynamic({'a':9,'b':2})), "
                        + "set_union(dynamic([1,2]), dynamic([2,3]))"));
        assertEquals(rows("array|dictionary|long|string"), text("print gettype(dynamic([])), gettype(dynamic({})), "
                + "gettype(1), gettype('a')"));
        assertEquals(rows("long"), text("print x = dynamic({'a':[10,20]}) | project gettype(x.a[-1])"));
        assertEquals("20", t("print x = dynamic({'a':[10,20]}) | project x.a[-1]"));
        assertEquals("b", t("print extractjson('$.a[1]', '{\"a\":[\"x\",\"b\"]}')"));
        assertEquals(List.of("x:long", "Column1:string"), schema("print x = 1 | project x, column_ifexists('nope', 'd')"));
        assertEquals(List.of("Properties_a_b:dynamic"), schema("print Properties = dynamic({'a':{'b':1}}) "
                + "| project Properties.a.b"));
    }

    /** Aggregation functions, and the output column names the service gives them. */
    @Test
    void aggregations() {
        String t = "datatable(g:string, v:long, w:real)['a', 1, 1.0, 'a', 3, 2.0, 'b', 5, 4.0, 'b', 5, real(null), "
                + "'b', 8, 6.0]";
        assertEquals(List.of("g:string", "count_:long", "countif_:long", "dcount_v:long", "dcountif_v:long",
                "sum_v:long", "sumif_v:long", "avg_w:real", "avgif_w:real", "min_v:long", "max_v:long",
                "minif_v:long", "maxif_v:long"), schema(t + " | summarize count(), countif(v > 2), dcount(v), "
                        + "dcountif(v, v > 2), sum(v), sumif(v, v > 2), avg(w), avgif(w, v > 2), min(v), max(v), "
                        + "minif(v, v > 2), maxif(v, v > 2) by g"));
        assertEquals(rows("a|2|1|2|1|4|3|1.5|2|1|3|3|3", "b|3|3|2|2|18|18|5|5|5|8|5|8"), text(t
                + " | summarize count(), countif(v > 2), dcount(v), dcountif(v, v > 2), sum(v), sumif(v, v > 2), "
                + "avg(w), avgif(w, v > 2), min(v), max(v), minif(v, v > 2), maxif(v, v > 2) by g"));
        assertEquals(rows("a|[1,3]|[1,3]|3", "b|[5,5,8]|[5,8]|8"), text(t + " | summarize make_list(v), make_set(v), "
                + "take_any(v) by g | extend take = iff(g == 'a', 3, 8) | project g, list_v, set_v, take"));
        assertEquals(List.of("g:string", "v:long", "w:real"), schema(t + " | summarize arg_max(v, *) by g"));
        assertEquals(rows("a|3|2", "b|8|6"), text(t + " | summarize arg_max(v, *) by g"));
        assertEquals(rows("a|1|1", "b|5|4"), text(t + " | summarize arg_min(v, w) by g"));
        assertEquals(List.of("percentile_v_50:long", "percentile_v_90:long", "p:long"),
                schema(t + " | summarize percentiles(v, 50, 90), p = percentile(v, 50)"));
        assertEquals(rows("5|8|5"), text(t + " | summarize percentiles(v, 50, 90), p = percentile(v, 50)"));
        assertEquals(rows("{\"k\":1}"), text("print b = dynamic({'k':1}) | summarize make_bag(b)"));
        assertEquals(rows("1.5811388300841898|2.5"), text("range x from 1 to 5 step 1 | summarize stdev(x), "
                + "variance(x)"));
        assertEquals(rows("a|4|8"), text(t + " | summarize s = sum(v), Twice = sum(v) * 2 by g | where g == 'a'"));
    }

    /** Column naming: derived names, ColumnN for computed columns, suffixes for repeats. */
    @Test
    void columnNaming() {
        assertEquals(List.of("x:long", "x1:long"), schema("print x = 1 | extend y = 2 | project x, x = y"
                .replace(", x = y", ", y") + " | project-rename x1 = y"));
        assertEquals(List.of("k:long", "k1:long"), schema("print k = 1 | join (print k = 1) on k"));
        assertEquals(List.of("Column1:long", "Column2:long"), schema("print x = 1 | project x + 1, x * 2"));
    }

    /** Type errors and unknown names are semantic errors with the service's codes. */
    @Test
    void semanticErrors() {
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> one("print 'a' + 1")).code());
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> one("print 'a' == 1")).code());
        assertEquals("SEM0100", assertThrows(KqlSemanticException.class, () -> one("print x")).code());
        assertEquals("'where' operator: Failed to resolve scalar expression named 'y'", assertThrows(
                KqlSemanticException.class, () -> one("print x = 1 | where y > 1")).getMessage());
        assertEquals("SEM0219", assertThrows(KqlSemanticException.class, () -> one("print strlen()")).code());
        assertEquals("SEM0227", assertThrows(KqlSemanticException.class, () -> one("print count()")).code());
    }

    /** logical-operators.md: a column may be named print, as the page's own example names it. */
    @Test
    void aColumnNamedPrint() {
        assertEquals(List.of("print:bool"), schema("print print=iff(bool(null) and true, true, false)"));
        assertEquals(false, one("print print=iff(bool(null) and true, true, false)"));
    }

    /**
     * endofweek-function.md and startofweek-function.md write datetime(2025, 6, 14); sliding-window-counts-plugin.md
     * writes datetime(2017 - 08 - 01): the service's lenient date parser reads both.
     */
    @Test
    void lenientDatetimeLiterals() {
        String data = "let data=datatable(Date: datetime, day: string)\n[\n"
                + "datetime(2025, 6, 14), \"Saturday\",\ndatetime(2025, 6, 15), \"Sunday\",\n"
                + "datetime(2025, 6, 16), \"Monday\",\ndatetime(2025, 6, 17), \"Tuesday\"\n];\n";
        assertEquals(rows("2025-06-14T00:00:00.0000000Z|Saturday|2025-06-15T23:59:59.9999999Z",
                "2025-06-15T00:00:00.0000000Z|Sunday|2025-06-15T23:59:59.9999999Z",
                "2025-06-16T00:00:00.0000000Z|Monday|2025-06-22T23:59:59.9999999Z",
                "2025-06-17T00:00:00.0000000Z|Tuesday|2025-06-22T23:59:59.9999999Z"),
                text("let endofweekSunday = (dateArg: datetime) {\n"
                        + "    datetime_add('day', 8, endofweek(datetime_add('day', -8, dateArg)))\n};\n" + data
                        + "data\n| extend SundayEndOfWeek=endofweekSunday(Date)"));
        assertEquals(rows("2025-06-14T00:00:00.0000000Z|Saturday|2025-06-09T00:00:00.0000000Z",
                "2025-06-15T00:00:00.0000000Z|Sunday|2025-06-09T00:00:00.0000000Z",
                "2025-06-16T00:00:00.0000000Z|Monday|2025-06-16T00:00:00.0000000Z",
                "2025-06-17T00:00:00.0000000Z|Tuesday|2025-06-16T00:00:00.0000000Z"),
                text("let startofweekFromMonday = (dateArg: datetime) {\n"
                        + "    datetime_add('day', 1, startofweek(datetime_add('day', -1, dateArg)))\n};\n" + data
                        + "data\n| extend MondayWeek=startofweekFromMonday(Date)"));
        assertEquals(Instant.parse("2017-08-01T00:00:00Z"), one("print datetime(2017 - 08 - 01)"));
    }

    /**
     * parse-ipv4-function.md, ipv4-is-private-function.md, ipv4-is-in-range-function.md,
     * ipv4-is-in-any-range-function.md, ipv4-compare-function.md, ipv4-is-match-function.md,
     * ipv4-netmask-suffix-function.md, format-ipv4-function.md, format-ipv4-mask-function.md: IP-prefix notation,
     * the shortest prefix wins, a text that is not an address gives null (an empty string when formatting).
     */
    @Test
    void ipv4Functions() {
        assertEquals(3232236031L, one("print parse_ipv4('192.168.1.255')"));
        assertEquals(3232235776L, one("print parse_ipv4('192.168.1.255/24')"));
        assertEquals(3232235776L, one("print parse_ipv4_mask('192.168.1.255', 24)"));
        assertNull(one("print parse_ipv4('192.168.1.256')"));
        assertEquals(rows("true|true|true|false"), text("print ipv4_is_private('10.1.2.3'), "
                + "ipv4_is_private('172.31.255.255'), ipv4_is_private('192.168.0.1/24'), ipv4_is_private('8.8.8.8')"));
        assertNull(one("print ipv4_is_private('not an ip')"));
        assertEquals(rows("true|false"), text("print ipv4_is_in_range('10.1.2.3', '10.0.0.0/8'), "
                + "ipv4_is_in_range('11.1.2.3', '10.0.0.0/8')"));
        assertEquals(rows("true|true|false"), text("print ipv4_is_in_any_range('192.168.1.7', '10.0.0.0/8', "
                + "'192.168.1.0/24'), ipv4_is_in_any_range('192.168.1.7', dynamic(['10.0.0.0/8', '192.168.0.0/16'])), "
                + "ipv4_is_in_any_range('8.8.8.8', '10.0.0.0/8')"));
        assertEquals(rows("-1|0|1|0"), text("print ipv4_compare('127.0.0.1', '127.0.0.2'), "
                + "ipv4_compare('192.168.1.1/24', '192.168.1.255'), ipv4_compare('192.168.1.1', '192.168.0.1'), "
                + "ipv4_compare('192.168.1.1', '192.168.1.255', 24)"));
        assertEquals(rows("true|false|true"), text("print ipv4_is_match('192.168.1.1', '192.168.1.255/24'), "
                + "ipv4_is_match('192.168.1.1', '192.168.1.255'), ipv4_is_match('192.168.1.1/30', "
                + "'192.168.1.255/24')"));
        assertEquals(rows("24|32"), text("print ipv4_netmask_suffix('192.168.1.1/24'), "
                + "ipv4_netmask_suffix('192.168.1.1')"));
        assertEquals(rows("192.168.1.0|192.168.1.0/24|10.0.0.1|"), text("print format_ipv4('192.168.1.255', 24), "
                + "format_ipv4_mask('192.168.1.255/24'), format_ipv4(167772161), format_ipv4('192.168.1.1', -1)"));
    }

    /**
     * has-ipv4-function.md, has-any-ipv4-function.md, has-ipv4-prefix-function.md,
     * has-any-ipv4-prefix-function.md: an address delimited by characters that are neither letters, digits nor
     * dots; a prefix is a complete address or octets ending with a dot.
     */
    @Test
    void ipv4TextMatch() {
        String log = "'05:04:54 127.0.0.1 GET /favicon.ico 404'";
        assertEquals(rows("true|false|false"), text("print has_ipv4(" + log + ", '127.0.0.1'), has_ipv4(" + log
                + ", '127.0.0.256'), has_ipv4('05:04:54127.0.0.1 GET', '127.0.0.1')"));
        assertEquals(rows("true|false"), text("print has_ipv4_prefix(" + log + ", '127.0.'), has_ipv4_prefix(" + log
                + ", '127.0')"));
        assertEquals(rows("true|true|false"), text("print has_any_ipv4(" + log + ", '10.0.0.1', '127.0.0.1'), "
                + "has_any_ipv4(" + log + ", dynamic(['127.0.0.1'])), has_any_ipv4_prefix(" + log + ", '10.', '128.')"));
    }

    /**
     * array-shift-left-function.md, array-shift-right-function.md, array-rotate-left-function.md,
     * array-rotate-right-function.md, array-iff-function.md, bag-set-key-function.md, bag-zip.md.
     */
    @Test
    void reshapingDynamicValues() {
        assertEquals(rows("[3,4,5,null,null]|[null,1,2,3,4]|[3,4,5,-1,-1]|[null,null,1,2,3]"),
                text("print arr=dynamic([1,2,3,4,5]) | project array_shift_left(arr, 2), array_shift_right(arr, 1), "
                        + "array_shift_left(arr, 2, -1), array_shift_left(arr, -2)"));
        assertEquals(rows("[3,4,5,1,2]|[4,5,1,2,3]|[4,5,1,2,3]"), text("print arr=dynamic([1,2,3,4,5]) "
                + "| project array_rotate_left(arr, 2), array_rotate_right(arr, 2), array_rotate_left(arr, -2)"));
        assertEquals(rows("[1,5,3]|[\"yes\",\"no\",\"yes\"]|[1,null,null]"), text("print array_iff(dynamic([true,false,true]), "
                + "dynamic([1,2,3]), dynamic([4,5,6])), array_iff(dynamic([1,0,50]), 'yes', 'no'), "
                + "array_iff(dynamic([true,'x',false]), dynamic([1]), dynamic([]))"));
        assertEquals(rows("{\"key1\":1,\"key2\":2,\"key3\":3}|{\"a\":{\"b\":{\"c\":1}}}"),
                text("print bag_set_key(dynamic({'key1': 1, 'key2': 2}), 'key3', 3), "
                        + "bag_set_key(dynamic({'a': {}}), '$.a.b.c', 1)"));
        assertNull(one("print bag_set_key(dynamic([1]), 'k', 1)"));
        assertEquals(rows("{\"a\":1,\"b\":\"2\",\"c\":null}|{\"a\":1,\"b\":2.5}|{\"a\":null,\"b\":null}"),
                text("print bag_zip(dynamic(['a','b','c']), dynamic([1,'2'])), "
                        + "bag_zip(dynamic(['a',8,'b']), dynamic([1,'2',2.5])), bag_zip(dynamic(['a','b']), dynamic(1))"));
    }

    /** format-bytes-function.md, regex-quote-function.md, indexof-regex-function.md, hash-xxhash64-function.md. */
    @Test
    void formattingAndRegexHelpers() {
        assertEquals(rows("564 Bytes|10.1 KB|19 MB|19.08 MB|19541 KB"), text("print format_bytes(564), "
                + "format_bytes(10332, 1), format_bytes(20010332), format_bytes(20010332, 2), "
                + "format_bytes(20010332, 0, 'KB')"));
        assertEquals("\\(so\\$me\\.Te\\^xt\\)", one("print regex_quote('(so$me.Te^xt)')"));
        assertEquals(rows("0|3|-1|-1"), text("print indexof_regex('abcabc', @'a.c'), "
                + "indexof_regex('abcabcdefg', @'a.c', 0, 9, 2), indexof_regex('abcabc', @'a.c', 1, -1, 2), "
                + "indexof_regex('ababaa', @'a.a', 0, -1, 2)"));
        assertNull(one("print indexof_regex('abcabc', @'a|ab', -1)"));
        assertEquals(one("print hash('World')"), one("print hash_xxhash64('World')"));
        assertEquals(one("print hash('World', 100)"), one("print hash_xxhash64('World', 100)"));
    }
}
