package io.github.camelloganalytics.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@link InputStream#read()} through the stream's own {@code read(byte[], int, int)}, for the body streams that do
 * all their work (a limit, a hand-over between threads) in the bulk read and must not be bypassed by a single byte.
 */
final class SingleByteRead {

    private SingleByteRead() {
    }

    /**
     * @param  stream      the stream to read one byte of, through its bulk read
     * @return             the byte, 0 to 255, or -1 at the end
     * @throws IOException what the bulk read throws
     */
    static int of(InputStream stream) throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = stream.read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }
}
