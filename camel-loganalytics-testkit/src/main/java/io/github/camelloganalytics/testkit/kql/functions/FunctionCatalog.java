package io.github.camelloganalytics.testkit.kql.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every scalar and aggregation function the engine runs, by name, gathered from the family classes; and the names
 * of functions the KQL reference defines that the emulator does not run (answered {@code NotSupportedByEmulator},
 * not "unknown function").
 */
public final class FunctionCatalog {

    private static final Map<String, ScalarFunction> SCALARS;
    private static final Map<String, AggregateFunction> AGGREGATES = Aggregations.byName();

    /** Aggregations the resolver plans itself (several output columns). */
    public static final Set<String> MULTI_COLUMN_AGGREGATES = Set.of("arg_max", "arg_min", "take_any", "any",
            "percentiles", "percentiles_array", "take_anyif", "anyif");

    /** Functions the resolver evaluates itself (they need the schema, the rows around, or lazy arguments). */
    public static final Set<String> SPECIAL_FORMS = Set.of("prev", "next", "row_number", "row_cumsum", "toscalar",
            "materialize", "column_ifexists", "pack_all", "bag_pack_columns", "typeof", "table", "hll", "tdigest",
            "row_rank_dense", "row_rank_min", "row_window_session", "cursor_after", "extract", "extractjson");

    /** Reference functions the emulator knows by name but does not run. */
    public static final Set<String> KNOWN_NOT_SUPPORTED = Set.of("geo_point_to_s2cell", "geo_distance_2points",
            "series_decompose", "series_decompose_anomalies", "series_fir", "series_iir", "series_stats",
            "series_fit_line", "series_outliers", "series_periods_detect", "series_fill_linear",
            "series_fill_forward", "series_fill_backward", "series_fill_const", "series_add", "series_subtract",
            "series_multiply", "series_divide",
            "parse_ipv6", "ipv6_compare", "parse_user_agent", "parse_version", "parse_xml",
            "parse_command_line", "dcount_hll", "hll_merge", "tdigest_merge", "percentile_tdigest", "geo_info_from_ip_address",
            "punycode_to_string",
            "current_principal", "current_cluster_endpoint",
            "current_database", "cluster", "database", "workspace", "app", "estimate_data_size", "make_string",
            "parse_csv", "welch_test", "beta_cdf", "series_fft", "series_ifft", "array_split",
            "jaccard_index", "bitset_count_ones", "binary_and", "binary_or", "binary_xor", "binary_not",
            "binary_shift_left", "binary_shift_right", "toarray", "treepath",
            "datetime_list_timezones", "convert_temperature", "convert_length", "convert_mass", "convert_speed",
            "convert_volume", "convert_energy", "convert_force", "convert_angle", "convert_area",
            "to_utf8", "countof_regex", "extract_any", "series_abs", "series_ceiling", "series_floor");

    static {
        Map<String, ScalarFunction> m = new LinkedHashMap<>();
        List<ScalarFunction> all = new ArrayList<>();
        all.addAll(StringFunctions.functions());
        all.addAll(DateTimeFunctions.functions());
        all.addAll(MathFunctions.functions());
        all.addAll(LogicFunctions.functions());
        all.addAll(ConversionFunctions.functions());
        all.addAll(DynamicFunctions.functions());
        all.addAll(IpFunctions.functions());
        all.addAll(ReshapeFunctions.functions());
        for (ScalarFunction f : all) {
            if (m.put(f.name(), f) != null) {
                throw new IllegalStateException("Function declared twice: " + f.name());
            }
        }
        SCALARS = Collections.unmodifiableMap(m);
    }

    private FunctionCatalog() {
    }

    /**
     * @param  name a function name
     * @return      the scalar function, or null
     */
    public static ScalarFunction scalar(String name) {
        return SCALARS.get(name);
    }

    /**
     * @param  name a function name
     * @return      the aggregation, or null
     */
    public static AggregateFunction aggregate(String name) {
        return AGGREGATES.get(name);
    }

    /** @return every scalar function, by name */
    public static Map<String, ScalarFunction> scalars() {
        return SCALARS;
    }

    /** @return every aggregation, by name */
    public static Map<String, AggregateFunction> aggregates() {
        return Collections.unmodifiableMap(AGGREGATES);
    }
}
