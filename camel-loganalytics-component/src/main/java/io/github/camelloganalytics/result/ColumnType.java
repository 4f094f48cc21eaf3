package io.github.camelloganalytics.result;

/**
 * The KQL column types and the Java type each becomes.
 */
public enum ColumnType {
    BOOL("bool", Boolean.class),
    DATETIME("datetime", java.time.OffsetDateTime.class),
    DYNAMIC("dynamic", Object.class),
    INT("int", Integer.class),
    LONG("long", Long.class),
    REAL("real", Double.class),
    STRING("string", String.class),
    GUID("guid", java.util.UUID.class),
    DECIMAL("decimal", java.math.BigDecimal.class),
    TIMESPAN("timespan", java.time.Duration.class);

    private final String kqlName;
    private final Class<?> javaType;

    ColumnType(String kqlName, Class<?> javaType) {
        this.kqlName = kqlName;
        this.javaType = javaType;
    }

    /** The type's name in KQL and in the response's column declarations. */
    public String kqlName() {
        return kqlName;
    }

    /** The Java type values of this column have. */
    public Class<?> javaType() {
        return javaType;
    }
}
