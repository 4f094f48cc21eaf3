package io.github.camelloganalytics.result;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class StreamingTest {

    private static final int ROWS = 200_000;

    /**
     * A response body produced on demand, row by row, so the test itself never holds the whole body either: what
     * it checks is that rows flow through the handler while the body is still being written.
     */
    private static final class GeneratedResponse extends InputStream {
        private static final byte[] HEAD = ("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
                + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"Computer\",\"type\":\"string\"},"
                + "{\"name\":\"Count\",\"type\":\"long\"},{\"name\":\"Ratio\",\"type\":\"real\"},"
                + "{\"name\":\"Amount\",\"type\":\"decimal\"},{\"name\":\"Elapsed\",\"type\":\"timespan\"},"
                + "{\"name\":\"Id\",\"type\":\"guid\"},{\"name\":\"Ok\",\"type\":\"bool\"},"
                + "{\"name\":\"Props\",\"type\":\"dynamic\"}],\"rows\":[").getBytes(StandardCharsets.UTF_8);
        private static final byte[] TAIL = "]}],\"statistics\":{\"query\":{\"executionTime\":1.5}}}"
                .getBytes(StandardCharsets.UTF_8);

        private final int rows;
        private int next;
        private byte[] chunk = HEAD;
        private int pos;
        private boolean tailSent;

        GeneratedResponse(int rows) {
            this.rows = rows;
        }

        private boolean fill() {
            if (pos < chunk.length) {
                return true;
            }
            if (next < rows) {
                int i = next++;
                String row = (i == 0 ? "" : ",") + "[\"2024-03-01T12:" + two(i / 60 % 60) + ":" + two(i % 60)
                        + ".1234567Z\",\"host-" + (i % 100) + "\"," + i + "," + (i / 8.0) + ",\"" + i
                        + ".1234567890123456789\",\"" + (i % 3) + ".00:00:0" + (i % 10) + ".5\",\""
                        + new UUID(i, i) + "\"," + (i % 2 == 0) + ",\"{\\\"n\\\":" + i + "}\"]";
                chunk = row.getBytes(StandardCharsets.UTF_8);
                pos = 0;
                return true;
            }
            if (!tailSent) {
                tailSent = true;
                chunk = TAIL;
                pos = 0;
                return true;
            }
            return false;
        }

        private static String two(int v) {
            return v < 10 ? "0" + v : Integer.toString(v);
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len && fill()) {
                int k = Math.min(len - n, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off + n, k);
                pos += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }
    }

    @Test
    void streamsManyRowsThroughAHandler() throws Exception {
        long[] count = new long[1];
        int[] ended = new int[1];
        Object[][] last = new Object[1][];
        RowHandler handler = new RowHandler() {
            @Override
            public boolean startTable(int tableIndex, String name, List<Column> columns) {
                assertEquals(9, columns.size());
                return true;
            }

            @Override
            public void row(Object[] values) {
                assertEquals(count[0], (Long) values[2]);
                count[0]++;
                last[0] = values;
            }

            @Override
            public void endTable(int tableIndex, int rowCount) {
                ended[0] = rowCount;
            }
        };
        QueryResult result = new ResultReader().read(new GeneratedResponse(ROWS), handler);
        assertEquals(ROWS, count[0]);
        assertEquals(ROWS, ended[0]);
        assertEquals(0, result.getPrimaryTable().getRowCount());
        assertEquals(1.5, ((Map<?, ?>) result.getStatistics().get("query")).get("executionTime"));

        int i = ROWS - 1;
        Object[] row = last[0];
        assertInstanceOf(OffsetDateTime.class, row[0]);
        assertEquals(123_456_700, ((OffsetDateTime) row[0]).getNano());
        assertEquals("host-" + (i % 100), row[1]);
        assertEquals(i / 8.0, row[3]);
        assertEquals(new BigDecimal(i + ".1234567890123456789"), row[4]);
        assertEquals(Duration.ofDays(i % 3).plusSeconds(i % 10).plusMillis(500), row[5]);
        assertEquals(new UUID(i, i), row[6]);
        assertEquals(i % 2 == 0, row[7]);
        assertEquals(Map.of("n", i), row[8]);
    }
}
