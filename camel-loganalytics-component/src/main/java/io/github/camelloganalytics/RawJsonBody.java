package io.github.camelloganalytics;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.client.BodyReader;
import io.github.camelloganalytics.result.Column;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import io.github.camelloganalytics.result.RowHandler;

/**
 * Reads a body for {@code outputFormat=JSON}: its text, and in the same pass what the headers need (tables,
 * statistics, visualization, partial error, the primary table's row count). The bytes are kept once, in blocks, as
 * they stream through the parser, then turned into the text; no row is kept and the body is never read twice.
 * Its peak is the body's bytes and its text side by side, for the moment the text is made.
 */
final class RawJsonBody {

    /** Keeps blocks of this size: no copy as the body grows, unlike one array doubled. */
    private static final int BLOCK = 64 * 1024;

    /**
     * The body's text and what it says.
     *
     * @param json     the body as the service sent it
     * @param result   the tables (without rows), statistics, visualization and error
     * @param rowCount the rows of the primary table
     */
    record Answer(String json, QueryResult result, int rowCount) {
    }

    private RawJsonBody() {
    }

    static BodyReader<Answer> reader(ResultReader reader) {
        return body -> read(body, reader);
    }

    private static Answer read(InputStream body, ResultReader reader) throws IOException {
        Copy copy = new Copy(body);
        PrimaryRowCounter counter = new PrimaryRowCounter();
        QueryResult result = reader.stream(copy, counter);
        // white space after the JSON belongs to the text as well
        copy.transferTo(OutputStream.nullOutputStream());
        return new Answer(copy.text(), result, counter.rows);
    }

    /** Counts the primary table's rows without keeping them. */
    private static final class PrimaryRowCounter implements RowHandler {
        int rows;

        @Override
        public boolean startTable(int tableIndex, String name, List<Column> columns) {
            return tableIndex == 0;
        }

        @Override
        public void row(Object[] values) {
            // counted in endTable
        }

        @Override
        public void endTable(int tableIndex, int rowCount) {
            rows = rowCount;
        }
    }

    /** The body as read, kept in blocks. */
    private static final class Copy extends FilterInputStream {
        private final List<byte[]> blocks = new ArrayList<>();
        private byte[] current = new byte[BLOCK];
        private int used;
        private long total;

        Copy(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // every byte must be kept: skipping reads
            byte[] buffer = new byte[(int) Math.min(n, BLOCK)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        private void keep(byte[] b, int off, int len) {
            total += len;
            while (len > 0) {
                if (used == current.length) {
                    blocks.add(current);
                    current = new byte[BLOCK];
                    used = 0;
                }
                int n = Math.min(len, current.length - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        /** The text; the blocks are let go of while they are copied into the one array the text is made of. */
        String text() {
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("A JSON body of " + total + " bytes cannot be one String");
            }
            byte[] all = new byte[(int) total];
            int at = 0;
            for (int i = 0; i < blocks.size(); i++) {
                byte[] block = blocks.get(i);
                System.arraycopy(block, 0, all, at, block.length);
                at += block.length;
                blocks.set(i, null);
            }
            System.arraycopy(current, 0, all, at, used);
            current = null;
            blocks.clear();
            return new String(all, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            // the client owns the body
        }
    }
}
