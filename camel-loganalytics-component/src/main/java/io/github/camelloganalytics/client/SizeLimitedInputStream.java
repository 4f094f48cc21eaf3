package io.github.camelloganalytics.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body that fails once more than {@code limit} bytes were read from it. It sits above the gzip decoding,
 * so the limit is on the decoded size and a small compressed body that decodes to gigabytes stops at the limit too.
 * The client tells the limit's failure from others by {@link #exceeded()}, whatever the readers above made of the
 * exception.
 */
final class SizeLimitedInputStream extends FilterInputStream {

    /** The failure a read past the limit throws; the client turns it into its typed exception. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("The response body is larger than " + limit + " bytes (maxResponseSize)");
        }
    }

    private final long limit;
    private long count;
    private volatile boolean exceeded;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        failIfExceeded();
        // at most one byte past the limit, which is enough to know the body is too large
        int n = in.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) {
            count += n;
            failIfExceeded();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        failIfExceeded();
        long skipped = in.skip(Math.min(n, limit - count + 1));
        count += Math.max(0, skipped);
        failIfExceeded();
        return skipped;
    }

    /** @return whether the body went past the limit */
    boolean exceeded() {
        return exceeded;
    }

    private void failIfExceeded() throws LimitExceeded {
        if (count > limit) {
            exceeded = true;
            throw new LimitExceeded(limit);
        }
    }
}
