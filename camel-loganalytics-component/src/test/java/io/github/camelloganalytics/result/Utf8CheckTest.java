package io.github.camelloganalytics.result;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Utf8Check} against the JDK's strict UTF-8 decoder, on bytes fed in chunks of every size, so the eight-byte
 * ASCII steps meet multi-byte characters and faults at every alignment and across chunk ends.
 */
class Utf8CheckTest {

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String check(byte[] bytes, Random random) {
        Utf8Check check = new Utf8Check();
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(24));
            // a chunk at an offset inside a larger buffer, as a stream's read(b, off, len) delivers it
            byte[] buffer = new byte[n + 5];
            System.arraycopy(bytes, i, buffer, 3, n);
            check.update(buffer, 3, n);
            i += n;
        }
        return check.fault();
    }

    @Test
    void agreesWithTheJdkOnRandomMixturesOfAsciiAndMultiByteCharacters() {
        Random random = new Random(42);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                "\u00e9".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
                "\ud83d\ude00".getBytes(StandardCharsets.UTF_8), {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2},
                {(byte) 0xFF}};
        int invalid = 0;
        for (int i = 0; i < 20_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(12); k >= 0; k--) {
                // mostly valid pieces, now and then a broken one
                byte[] piece = pieces[random.nextInt(10) < 8 ? random.nextInt(5) : random.nextInt(pieces.length)];
                out.write(piece, 0, piece.length);
            }
            // ends in ASCII, so a sequence cut short at the end is a fault for both
            out.write('.');
            byte[] bytes = out.toByteArray();
            String fault = check(bytes, random);
            assertEquals(jdkAccepts(bytes), fault == null, () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
            if (fault != null) {
                invalid++;
            }
        }
        assertTrue(invalid > 1_000, "invalid inputs " + invalid);
    }

    @Test
    void namesTheOffsetOfTheFirstBadByteAcrossChunks() {
        byte[] bytes = ("0123456789abcdef0123456789" + "x").getBytes(StandardCharsets.UTF_8);
        bytes[21] = (byte) 0xFF;
        String fault = check(bytes, new Random(1));
        assertTrue(fault.contains("byte 0xFF at offset 21"), fault);
        assertNull(check("plain ascii, long enough for several eight-byte steps".getBytes(StandardCharsets.UTF_8),
                new Random(2)));
    }
}
