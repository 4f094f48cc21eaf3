package io.github.camelloganalytics.testkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A lazy table is filled once, on first read, and readers never see it half filled. */
class LazyTableTest {

    static final List<Column> COLUMNS = List.of(Column.of("TimeGenerated", ColumnType.DATETIME),
            Column.of("N", ColumnType.LONG));

    @Test
    void filledOnceOnFirstReadWhileOtherReadersWait() throws Exception {
        AtomicInteger fills = new AtomicInteger();
        CountDownLatch filling = new CountDownLatch(1);
        Table t = Table.lazy("T", COLUMNS, table -> {
            fills.incrementAndGet();
            filling.countDown();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                rows.add(new Object[] { Instant.EPOCH.plusSeconds(i), (long) i });
            }
            table.addRows(rows.subList(0, 2500));
            table.addRows(rows.subList(2500, 5000)); // a reader between the two must not see 2500
        });
        assertEquals(0, fills.get(), "nothing is generated before a read");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sizes = new ArrayList<>();
            sizes.add(pool.submit(t::size));
            filling.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < 8; i++) {
                sizes.add(pool.submit(() -> t.records().size()));
            }
            for (Future<Integer> s : sizes) {
                assertEquals(5000, s.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        t.addRow(Instant.EPOCH, 1L);
        assertEquals(5001, t.size());
        assertEquals(1, fills.get());
    }

    @Test
    void clearingBeforeTheFirstReadGeneratesNothing() {
        AtomicInteger fills = new AtomicInteger();
        Table t = Table.lazy("T", COLUMNS, table -> {
            fills.incrementAndGet();
            table.addRow(Instant.EPOCH, 1L);
        });
        t.clear();
        assertEquals(0, t.size());
        assertEquals(0, fills.get());
    }

    @Test
    void aBadGeneratedRowNamesTableRowAndColumn() {
        Table t = new Table("T", COLUMNS);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.addRows(List.of(new Object[] { Instant.EPOCH, 1L }, new Object[] { Instant.EPOCH, "x" })));
        assertEquals("Table T, row 2: column N: Cannot read x as long", e.getMessage());
        assertEquals(0, t.size(), "nothing of a refused batch is added");
    }
}
