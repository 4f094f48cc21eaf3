package io.github.camelloganalytics.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReadAheadInputStream} over sources that read short, fail, stall and check that no two threads ever read them
 * at once: the caller sees the source's bytes, end and failure exactly, and closing stops the reading thread first.
 */
class ReadAheadInputStreamTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Serves bytes in reads of random length, fails after {@code failAt} if set, and records overlapping reads. */
    private static final class Source extends InputStream {
        final byte[] data;
        final Random random;
        final int failAt;
        final IOException failure = new IOException("connection reset (scripted)");
        final AtomicInteger inRead = new AtomicInteger();
        volatile boolean overlapped;
        volatile int closes;
        volatile CountDownLatch stallAt;
        /** Counted down once the reading thread is held at the stall. */
        final CountDownLatch stalled = new CountDownLatch(1);
        int position;

        Source(byte[] data, long seed, int failAt) {
            this.data = data;
            this.random = new Random(seed);
            this.failAt = failAt;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("bulk reads only");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (inRead.incrementAndGet() > 1) {
                overlapped = true;
            }
            try {
                if (closes > 0) {
                    throw new IOException("read after close");
                }
                CountDownLatch stall = stallAt;
                if (stall != null && position >= 200_000) {
                    stalled.countDown();
                    try {
                        stall.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (failAt >= 0 && position >= failAt) {
                    throw failure;
                }
                int limit = failAt >= 0 ? failAt : data.length;
                if (position >= limit) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(20_000)), limit - position);
                System.arraycopy(data, position, b, off, n);
                position += n;
                return n;
            } finally {
                inRead.decrementAndGet();
            }
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Reads to the end in reads of random length; the bytes read before a failure go to {@code out}. */
    private static void drain(InputStream in, ByteArrayOutputStream out, Random random) throws IOException {
        byte[] buffer = new byte[100_000];
        while (true) {
            int n = random.nextInt(8) == 0 ? single(in, buffer) : in.read(buffer, 0, 1 + random.nextInt(buffer.length));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    private static int single(InputStream in, byte[] buffer) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        buffer[0] = (byte) b;
        return 1;
    }

    @Test
    void theCallerReadsExactlyTheSourcesBytesWhereverReadingAheadStarts() throws IOException {
        byte[] data = randomBytes(1_500_000, 1);
        for (long syncBytes : new long[] {0, 1, 70_000, 1_499_999, 1_500_000, 10_000_000}) {
            Source source = new Source(data, syncBytes, -1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReadAheadInputStream in = new ReadAheadInputStream(source, executor, syncBytes)) {
                drain(in, out, new Random(syncBytes));
                assertEquals(-1, in.read(new byte[10], 0, 10), "the end, again");
                assertEquals(-1, in.read());
            }
            assertArrayEquals(data, out.toByteArray(), "syncBytes " + syncBytes);
            assertEquals(1, source.closes);
            assertTrue(!source.overlapped, "the source was read by one thread at a time");
        }
    }

    @Test
    void aFailureComesAfterTheBytesBeforeItAsTheSameException() throws IOException {
        byte[] data = randomBytes(1_000_000, 2);
        for (int failAt : new int[] {0, 100, 65_536, 300_001}) {
            Source source = new Source(data, failAt, failAt);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReadAheadInputStream in = new ReadAheadInputStream(source, executor, 50)) {
                IOException e = assertThrows(IOException.class, () -> drain(in, out, new Random(failAt)));
                assertSame(source.failure, e);
                assertSame(source.failure, assertThrows(IOException.class, () -> in.read(new byte[1], 0, 1)),
                        "the failure, again");
            }
            assertArrayEquals(Arrays.copyOf(data, failAt), out.toByteArray(), "every byte before the failure");
        }
    }

    @Test
    void closingMidwayStopsTheReadingThreadBeforeTheSourceIsClosed() throws Exception {
        byte[] data = randomBytes(4_000_000, 3);
        Source source = new Source(data, 3, -1);
        CountDownLatch release = new CountDownLatch(1);
        source.stallAt = release;
        ReadAheadInputStream in = new ReadAheadInputStream(source, executor, 0);
        byte[] buffer = new byte[1000];
        assertEquals(1000, in.readNBytes(buffer, 0, 1000));
        // on a loaded machine the reading thread may take its time to get there
        assertTrue(source.stalled.await(30, TimeUnit.SECONDS), "the reading thread reached the stall");
        // the reading thread is now held inside the source, at 200,000 bytes; closing must wait for it to come out
        Thread closer = new Thread(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        closer.start();
        closer.join(300);
        assertTrue(closer.isAlive(), "close waits while the reading thread is inside the source");
        assertEquals(0, source.closes);
        release.countDown();
        closer.join(5_000);
        assertEquals(1, source.closes);
        assertTrue(!source.overlapped, "the source was read by one thread at a time");
        assertThrows(IOException.class, () -> in.read(buffer, 0, 1), "a closed stream refuses reads");
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the reading thread ended");
    }

    @Test
    void aReadingThreadStoppedByItsPoolEndsTheBodyWithAnErrorInsteadOfAHang() throws Exception {
        byte[] data = randomBytes(3_000_000, 5);
        Source source = new Source(data, 5, -1);
        Thread[] reading = new Thread[1];
        ReadAheadInputStream in = new ReadAheadInputStream(source, command -> {
            reading[0] = new Thread(command);
            reading[0].start();
        }, 0);
        byte[] buffer = new byte[1000];
        assertEquals(1000, in.readNBytes(buffer, 0, 1000));
        // the reading thread fills the queue and waits to hand over more; a pool shutting down now interrupts it
        Thread.sleep(200);
        reading[0].interrupt();
        reading[0].join(5_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(
                java.io.InterruptedIOException.class, () -> drain(in, out, new Random(5))));
        assertTrue(out.size() > 0 && out.size() < data.length - 1000, "what was handed over, then the error");
        in.close();
        assertEquals(1, source.closes);
    }

    @Test
    void aRefusingExecutorMeansReadingInTheCallersThread() throws IOException {
        byte[] data = randomBytes(300_000, 4);
        Source source = new Source(data, 4, -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReadAheadInputStream in = new ReadAheadInputStream(source, command -> {
            throw new RejectedExecutionException("shutting down");
        }, 1_000)) {
            drain(in, out, new Random(4));
        }
        assertArrayEquals(data, out.toByteArray());
    }
}
