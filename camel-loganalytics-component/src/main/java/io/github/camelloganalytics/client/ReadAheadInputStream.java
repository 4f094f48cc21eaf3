package io.github.camelloganalytics.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A response body that, once it proves large, is read ahead on another thread while the caller parses what was
 * already read: the socket reads, the TLS decryption and the gzip decoding of a large result then run beside the
 * parsing instead of between its steps. The first {@code syncBytes} are read in the caller's thread, so a small
 * result, which is nearly every result, never involves another thread.
 * <p>
 * The caller sees exactly the bytes of the source, then its end or its failure, the same exception object at the
 * same place. At most {@value #AHEAD} chunks of {@value #CHUNK} bytes are held ahead. {@link #close()} stops the
 * reading thread, waits until it has left the source, then closes the source in the caller's thread, so the source
 * is never used by two threads at once.
 * <p>
 * Hand-written for docs/performance.md's figure ("What was done for the floor target", ROWS at 100,000 rows over
 * HTTPS): 113 to 102 ms without gzip, 124 to 101 ms with it; neither the JDK nor HttpClient reads a body ahead.
 * <p>
 * One caller thread at a time, as any stream.
 */
final class ReadAheadInputStream extends InputStream {

    static final int CHUNK = 64 * 1024;
    static final int AHEAD = 8;

    /** What the reading thread hands over: bytes, the end, or the failure that ended the source. */
    private record Chunk(byte[] data, int length, Throwable failure) {
    }

    private static final Chunk END = new Chunk(null, -1, null);

    private final InputStream source;
    private final Executor executor;
    private long syncRemaining;
    private boolean started;

    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(AHEAD);
    /** Buffers the caller has finished with, for the reading thread to fill again. */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(AHEAD + 2);
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private volatile boolean closed;

    /** The chunk being consumed, and how far. */
    private Chunk current;
    private int position;
    /** Set once the end or a failure was handed over; repeated on every later read. */
    private Chunk last;

    /**
     * @param source    the body
     * @param executor  runs the reading thread
     * @param syncBytes how many bytes to read in the caller's thread before reading ahead
     */
    ReadAheadInputStream(InputStream source, Executor executor, long syncBytes) {
        this.source = source;
        this.executor = executor;
        this.syncRemaining = syncBytes;
    }

    @Override
    public int read() throws IOException {
        return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (!started) {
            if (syncRemaining > 0) {
                int n = source.read(b, off, (int) Math.min(len, syncRemaining));
                if (n > 0) {
                    syncRemaining -= n;
                }
                return n;
            }
            if (!start()) {
                return source.read(b, off, len);
            }
        }
        while (current == null || position == current.length()) {
            if (last != null) {
                return end(last);
            }
            giveBack(current);
            current = take();
            position = 0;
            if (current.data() == null) {
                last = current;
                current = null;
                return end(last);
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        if (!started) {
            return closed ? 0 : source.available();
        }
        return current == null ? 0 : current.length() - position;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            // frees a reading thread waiting to hand over a chunk; it then sees closed and stops
            ready.clear();
            awaitReader();
        }
        source.close();
    }

    /** Starts the reading thread; false when the executor refuses (it is shutting down), to go on reading here. */
    private boolean start() {
        try {
            executor.execute(this::readAhead);
        } catch (RejectedExecutionException e) {
            syncRemaining = Long.MAX_VALUE;
            return false;
        }
        started = true;
        return true;
    }

    private void readAhead() {
        byte[] buffer = null;
        int filled = 0;
        try {
            while (!closed) {
                buffer = spare.poll();
                if (buffer == null) {
                    buffer = new byte[CHUNK];
                }
                // whole chunks: a hand-over per TLS record would cost more than it saves
                filled = 0;
                int n = 0;
                while (filled < CHUNK && (n = source.read(buffer, filled, CHUNK - filled)) >= 0) {
                    filled += n;
                }
                Chunk chunk = new Chunk(buffer, filled, null);
                buffer = null;
                if (filled > 0 && !handOver(chunk)) {
                    return;
                }
                if (n < 0) {
                    handOver(END);
                    return;
                }
            }
        } catch (Throwable e) {
            // the bytes read before the failure, then the failure itself, as a caller reading directly would see
            if (buffer != null && filled > 0 && !handOver(new Chunk(buffer, filled, null))) {
                return;
            }
            handOver(new Chunk(null, -1, e));
        } finally {
            readerDone.countDown();
        }
    }

    /** @return false when the stream was closed meanwhile and nobody will take the chunk */
    private boolean handOver(Chunk chunk) {
        try {
            while (!closed) {
                if (ready.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private Chunk take() throws IOException {
        try {
            while (true) {
                Chunk chunk = ready.poll(100, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                // a chunk is handed over before the reading thread counts down, so this sees every chunk it gave
                if (readerDone.getCount() == 0 && ready.isEmpty()) {
                    // stopped without handing over an end: interrupted while waiting, as by its pool shutting down
                    throw new InterruptedIOException("The thread reading the response body was stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the response body");
        }
    }

    private void giveBack(Chunk chunk) {
        if (chunk != null && chunk.data() != null) {
            spare.offer(chunk.data());
        }
    }

    private static int end(Chunk last) throws IOException {
        Throwable failure = last.failure();
        if (failure == null) {
            return -1;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private void awaitReader() {
        boolean interrupted = false;
        while (true) {
            try {
                readerDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
