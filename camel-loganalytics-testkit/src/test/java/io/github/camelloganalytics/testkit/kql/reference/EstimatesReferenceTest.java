package io.github.camelloganalytics.testkit.kql.reference;

import static io.github.camelloganalytics.testkit.kql.reference.Kql.one;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.rows;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.schema;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.kql.KqlSemanticException;

/**
 * The estimating aggregations as the reference documents what a test can observe of them: dcount's accuracy levels
 * and its perfect count of small sets (estimation-accuracy include of dcount-aggregation-function.md and
 * dcountif-aggregation-function.md), and the nearest-rank percentiles (percentiles-aggregation-function.md), whose
 * estimates are values of the input, exact at 0 and 100.
 */
class EstimatesReferenceTest {

    static final String NUMBERS = "range x from 1 to 10 step 1 ";

    /** dcount: an exact count below the perfect-count threshold (1000 values at accuracy 1), nulls ignored. */
    @Test
    void dcountCountsSmallSetsExactlyAtEveryAccuracy() {
        String data = "datatable(s:string)['a','b','a',long(null),'c','b'] ";
        assertEquals(List.of("dcount_s:long"), schema(data + "| summarize dcount(s)"));
        for (String accuracy : new String[] { "", ", 0", ", 1", ", 2", ", 3", ", 4" }) {
            assertEquals(3L, one(data + "| summarize dcount(s" + accuracy + ")"), accuracy);
        }
        assertEquals(1000L, one("range x from 1 to 1000 step 1 | summarize dcount(x)"));
        assertEquals(8000L, one("range x from 1 to 8000 step 1 | summarize dcount(x % 8000, 2)"));
    }

    /** dcountif: the predicate, then the accuracy; the column is named dcountif_X. */
    @Test
    void dcountifWithAccuracy() {
        assertEquals(rows("5"), text(NUMBERS + "| summarize dcountif(x, x > 5, 0)"));
        assertEquals(List.of("dcountif_x:long"), schema(NUMBERS + "| summarize dcountif(x, x > 5)"));
    }

    /** The accuracy is a constant from 0 to 4 (the levels of the estimation-accuracy table). */
    @Test
    void anAccuracyOutsideTheLevelsIsASemanticError() {
        KqlSemanticException e = assertThrows(KqlSemanticException.class,
                () -> one(NUMBERS + "| summarize dcount(x, 5)"));
        assertEquals("SEM0219", e.code());
        assertTrue(e.getMessage().contains("accuracy"), e.getMessage());
        assertEquals("SEM0219", assertThrows(KqlSemanticException.class,
                () -> one(NUMBERS + "| summarize dcount(x, x)")).code());
        assertEquals("SEM0219", assertThrows(KqlSemanticException.class,
                () -> one(NUMBERS + "| summarize dcountif(x, x > 1, -1)")).code());
    }

    /** Nearest rank: the smallest value with at least P% of the values at or below it; 0 is the minimum. */
    @Test
    void percentileIsAValueOfTheInputByNearestRank() {
        assertEquals(5L, one(NUMBERS + "| summarize percentile(x, 50)"));
        assertEquals(10L, one(NUMBERS + "| summarize percentile(x, 95)"));
        assertEquals(1L, one(NUMBERS + "| summarize percentile(x, 0)"));
        assertEquals(10L, one(NUMBERS + "| summarize percentile(x, 100)"));
        assertEquals(3L, one(NUMBERS + "| summarize percentile(x, 25)"));
        // not the interpolated median of the percentiles page's note: a value of the input
        assertEquals(2.5, one("datatable(v:real)[1.5, 2.5, 10.0, 3.5] | summarize percentile(v, 50)"));
        assertEquals(List.of("percentile_x_50:long"), schema(NUMBERS + "| summarize percentile(x, 50)"));
    }

    @Test
    void percentilesNameAColumnEachAsThePageShows() {
        assertEquals(List.of("percentile_x_5:long", "percentile_x_50:long", "percentile_x_99_9:long"),
                schema(NUMBERS + "| summarize percentiles(x, 5, 50, 99.9)"));
        assertEquals(rows("1|5|10"), text(NUMBERS + "| summarize percentiles(x, 5, 50, 99.9)"));
        assertEquals(rows("2|p50|p90"), text("datatable(g:long, x:long)[1, 10, 1, 20, 1, 30, 2, 5] "
                + "| where g == 1 | summarize (p50, p90) = percentiles(x, 50, 90) | project g = 2, p50 = 'p50', "
                + "p90 = 'p90'"));
        assertEquals(rows("20|30"), text("datatable(g:long, x:long)[1, 10, 1, 20, 1, 30, 2, 5] "
                + "| where g == 1 | summarize (p50, p90) = percentiles(x, 50, 90) | project p50, p90"));
    }

    @Test
    void percentilesOfDatetimesAndTimespans() {
        assertEquals(Instant.parse("2025-01-03T00:00:00Z"), one("range d from datetime(2025-01-01) to "
                + "datetime(2025-01-05) step 1d | summarize percentile(d, 50)"));
        assertEquals(Duration.ofMinutes(2), one("datatable(t:timespan)[1m, 2m, 3m] | summarize percentile(t, 50)"));
    }

    /** percentiles_array: one dynamic column named percentiles_X, the percentiles as arguments or an array. */
    @Test
    void percentilesArray() {
        assertEquals(List.of("percentiles_x:dynamic"), schema(NUMBERS + "| summarize percentiles_array(x, 5, 50)"));
        assertEquals(rows("[1,5,10]"), text(NUMBERS + "| summarize percentiles_array(x, 5, 50, 95)"));
        assertEquals(rows("[1,5,10]"), text(NUMBERS + "| summarize percentiles_array(x, dynamic([5, 50, 95]))"));
    }
}
