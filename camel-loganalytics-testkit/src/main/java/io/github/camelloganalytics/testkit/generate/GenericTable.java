package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.generate.GenerationContext.Machine;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * Records for a standard table no dedicated generator knows: two an hour, each column filled after its name and type
 * (a computer where the column names one, an IP address, a result, a level, a GUID for ids, a duration...), so that
 * queries on the table find plausible values.
 */
final class GenericTable implements TableGenerator {

    private final TableSchema schema;
    /** Each column's name in lower case, worked out once rather than for every record. */
    private final String[] lowerNames;

    GenericTable(TableSchema schema) {
        this.schema = schema;
        this.lowerNames = schema.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    @Override
    public void generate(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofMinutes(30)); t.isBefore(out.until()); t = t.plus(Duration.ofMinutes(30))) {
            Machine m = rand.pick(GenerationContext.MACHINES);
            Instant at = t.plus(rand.jitter(Duration.ofMinutes(30)));
            RowBuilder row = out.row();
            for (int i = 0; i < lowerNames.length; i++) {
                Column c = schema.columns().get(i);
                Object v = value(c, lowerNames[i], m, at, rand);
                if (v != null) {
                    row.set(c.name(), v);
                }
            }
            out.emit(row, at, out.ctx().resourceId(m));
        }
    }

    private static Object value(Column c, String n, Machine m, Instant at, Rand rand) {
        if (n.startsWith("_") || n.equals("tenantid") || n.equals("type") || n.equals("timegenerated")) {
            return null; // the standard columns
        }
        switch (c.type()) {
            case STRING:
                if (n.contains("computer") || n.contains("hostname") || n.equals("host")) {
                    return m.name();
                }
                if (n.endsWith("ip") || n.contains("ipaddress") || n.endsWith("ips")) {
                    return m.ip();
                }
                if (n.endsWith("id") || n.endsWith("guid")) {
                    return rand.uuid().toString();
                }
                if (n.contains("level") || n.contains("severity")) {
                    return rand.pick("Informational", "Informational", "Warning", "Error");
                }
                if (n.contains("result") || n.contains("status")) {
                    return rand.chance(0.92) ? "Succeeded" : "Failed";
                }
                if (n.contains("resourcegroup")) {
                    return m.resourceGroup();
                }
                if (n.contains("user") || n.contains("caller") || n.contains("upn") || n.contains("account")) {
                    return rand.pick("alice@contoso.com", "bob@contoso.com");
                }
                if (n.contains("category")) {
                    return rand.pick("Operational", "Audit");
                }
                if (n.contains("name") || n.contains("operation")) {
                    return c.name() + "-" + rand.between(1, 5);
                }
                return null;
            case LONG:
            case INT:
                return n.contains("code") ? rand.pick(200, 200, 200, 404, 500) : rand.between(0, 1000);
            case REAL:
                return n.contains("duration") || n.contains("time") ? Math.round(rand.logNormal(120, 0.8) * 100) / 100.0
                        : Math.round(rand.real(0, 100) * 100) / 100.0;
            case BOOL:
                return rand.chance(0.9);
            case DATETIME:
                return at;
            case GUID:
                return rand.uuid();
            default:
                return null;
        }
    }
}
