package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * Collects one table's generated records with their ingestion times: most arrive within minutes of their
 * {@code TimeGenerated}, some tens of minutes later and a few hours later (the late records an incremental reader
 * must not miss); a record whose ingestion lies after the clock has not arrived yet and is left out.
 */
final class Emitter {

    private final GenerationContext ctx;
    private final TableSchema schema;
    private final Rand rand;
    private final Instant until;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Instant> ingestion = new ArrayList<>();

    Emitter(GenerationContext ctx, TableSchema schema, Rand rand, Instant until) {
        this.ctx = ctx;
        this.schema = schema;
        this.rand = rand;
        this.until = until;
    }

    RowBuilder row() {
        return new RowBuilder(schema);
    }

    /** @return the first moment records may carry */
    Instant from() {
        return ctx.from();
    }

    /** @return the moment records stop (exclusive) */
    Instant until() {
        return until;
    }

    GenerationContext ctx() {
        return ctx;
    }

    /**
     * @param row        the record
     * @param time       its {@code TimeGenerated}; outside the window the record is dropped
     * @param resourceId the resource it is about, or null
     */
    void emit(RowBuilder row, Instant time, String resourceId) {
        if (time.isBefore(ctx.from()) || !time.isBefore(until)) {
            return;
        }
        Instant ingested = time.plus(delay());
        if (ingested.isAfter(ctx.now())) {
            return;
        }
        rows.add(row.build(ctx, time, resourceId));
        ingestion.add(ingested);
    }

    private Duration delay() {
        double p = rand.real(0, 1);
        if (p < 0.92) {
            return Duration.ofMillis(rand.between(20_000, 180_000));
        }
        if (p < 0.98) {
            return Duration.ofSeconds(rand.between(180, 1_200));
        }
        return Duration.ofSeconds(rand.between(3_600, 6 * 3_600));
    }

    void into(Table table) {
        List<TableRecord> added = table.addRows(rows);
        for (int i = 0; i < added.size(); i++) {
            added.get(i).ingestedAt(ingestion.get(i));
        }
    }
}
