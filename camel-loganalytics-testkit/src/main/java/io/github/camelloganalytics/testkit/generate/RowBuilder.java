package io.github.camelloganalytics.testkit.generate;

import java.time.Instant;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * One generated record under construction: values set by column name (names the schema lacks are ignored, so a
 * generator survives a schema without some column), then the standard columns a record of the service always has.
 */
final class RowBuilder {

    private final TableSchema schema;
    private final Object[] values;

    RowBuilder(TableSchema schema) {
        this.schema = schema;
        this.values = new Object[schema.columns().size()];
    }

    /**
     * @param  column a column name
     * @param  value  its value, in any form the column's type accepts
     * @return        this builder
     */
    RowBuilder set(String column, Object value) {
        int i = schema.indexOf(column);
        if (i >= 0) {
            values[i] = value;
        }
        return this;
    }

    boolean has(String column) {
        int i = schema.indexOf(column);
        return i >= 0 && values[i] != null;
    }

    /**
     * Fills the standard columns not set yet and gives string columns left unset the empty string, as the service
     * returns them.
     *
     * @param  ctx           the generation context
     * @param  timeGenerated the record's time
     * @param  resourceId    the resource it is about, or null
     * @return               the values in column order
     */
    Object[] build(GenerationContext ctx, Instant timeGenerated, String resourceId) {
        setIfAbsent("TimeGenerated", timeGenerated);
        setIfAbsent("TenantId", ctx.workspaceId());
        setIfAbsent("Type", schema.name());
        setIfAbsent("_IsBillable", Boolean.TRUE);
        setIfAbsent("SourceSystem", "Azure");
        if (resourceId != null) {
            setIfAbsent("_ResourceId", resourceId);
            setIfAbsent("_SubscriptionId", ctx.subscriptionId());
        }
        int size = 40; // the service bills roughly the record's JSON size
        for (int i = 0; i < values.length; i++) {
            ColumnType type = schema.columns().get(i).type();
            if (values[i] == null && type == ColumnType.STRING) {
                values[i] = "";
            }
            Object v = values[i];
            if (v != null) {
                size += schema.columns().get(i).name().length() + 4
                        + (v instanceof String s ? s.length() : v instanceof com.fasterxml.jackson.databind.JsonNode ? 60 : 12);
            }
        }
        setIfAbsent("_BilledSize", (double) size);
        return values;
    }

    private void setIfAbsent(String column, Object value) {
        if (!has(column)) {
            set(column, value);
        }
    }
}
