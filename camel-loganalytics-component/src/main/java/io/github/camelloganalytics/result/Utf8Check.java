package io.github.camelloganalytics.result;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that a byte stream is well-formed UTF-8 as RFC 3629 defines it, chunk by chunk as it is read. Jackson's
 * parser decodes overlong forms ({@code C0 AF} as {@code /}) and sequences beyond U+10FFFF (into lone surrogates)
 * without complaint, so a damaged body would otherwise come out as a result holding different text.
 * <p>
 * Jackson has no such check to switch on, so it is written here; it checks 8 bytes at a time for docs/performance.md's
 * figure ("What was done for the floor target", ROWS at 100,000 rows): 113 ms (gzip on: 124) and 959 bytes per row
 * (on: 881), with RowMap.values() without an entry object per value.
 * <p>
 * It notes the first fault rather than throwing it from the stream: the parser reads ahead in blocks, and its own
 * error, with the table and row it was in, is the better message whenever it finds the fault too.
 */
final class Utf8Check {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The top bit of each of a long's eight bytes: zero when all eight are ASCII. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Continuation bytes still expected for the current character. */
    private int remaining;
    /** The range the next continuation byte must fall in; narrower right after some lead bytes. */
    private int lower = 0x80;
    private int upper = 0xBF;
    /** Bytes checked before the current chunk, for the message. */
    private long offset;
    /** The first fault, or null. */
    private String fault;

    /**
     * @param b   the bytes just read
     * @param off where they start
     * @param len how many
     */
    void update(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && fault == null) {
            if (remaining == 0) {
                // ASCII eight bytes at a time: nearly all of a result is ASCII
                while (i + Long.BYTES <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                    i += Long.BYTES;
                }
                if (i >= end) {
                    break;
                }
            }
            int c = b[i] & 0xFF;
            if (remaining == 0) {
                if (c < 0x80) {
                    i++;
                    continue;
                }
                if (c >= 0xC2 && c <= 0xDF) {
                    remaining = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    remaining = 2;
                    // E0 would be an overlong form below A0; ED A0..BF would be a UTF-16 surrogate
                    lower = c == 0xE0 ? 0xA0 : 0x80;
                    upper = c == 0xED ? 0x9F : 0xBF;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    remaining = 3;
                    // F0 would be overlong below 90; F4 beyond 8F would pass U+10FFFF
                    lower = c == 0xF0 ? 0x90 : 0x80;
                    upper = c == 0xF4 ? 0x8F : 0xBF;
                } else {
                    fault = invalid(c, offset + i - off);
                }
            } else {
                if (c < lower || c > upper) {
                    fault = invalid(c, offset + i - off);
                }
                lower = 0x80;
                upper = 0xBF;
                remaining--;
            }
            i++;
        }
        offset += len;
    }

    /** @return the first fault found so far, or null while every byte read is UTF-8 */
    String fault() {
        return fault;
    }

    private static String invalid(int c, long at) {
        return String.format("The response body is not valid UTF-8: byte 0x%02X at offset %d cannot be there; the"
                + " query API sends UTF-8, so the body was damaged on the way", c, at);
    }
}
