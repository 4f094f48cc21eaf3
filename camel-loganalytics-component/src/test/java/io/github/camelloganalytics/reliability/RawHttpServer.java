package io.github.camelloganalytics.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile HTTP/1.1 server on a loopback socket, written byte by byte so that it can do what no well-behaved server
 * library lets it: trickle, fall silent, send without end, close a kept-alive connection. Each accepted connection
 * runs a {@link Behaviour} on its own daemon thread; {@link #close()} closes the listening socket and every
 * connection, so nothing outlives the test.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does on one connection. */
    @FunctionalInterface
    interface Behaviour {
        /**
         * @param connection the accepted connection, its number from 0 and its streams
         * @throws IOException when the client goes away, which ends the connection
         */
        void serve(Connection connection) throws IOException, InterruptedException;
    }

    /** One accepted connection. */
    static final class Connection {
        final int number;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        private final RawHttpServer server;

        Connection(int number, Socket socket, RawHttpServer server) throws IOException {
            this.number = number;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.server = server;
        }

        /**
         * Reads one request (its head and its {@code Content-Length} body).
         *
         * @return the request head, or null when the client closed the connection first
         */
        String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    break;
                }
            }
            if (b < 0) {
                return null;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                }
            }
            server.requests.add(text);
            return text;
        }

        /** Writes and flushes; counts what reached the socket. */
        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            server.bytesSent.addAndGet(bytes.length);
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Writes one chunk of a chunked body. */
        void chunk(byte[] bytes) throws IOException {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(bytes.length + 16);
            chunk.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk.writeBytes(bytes);
            chunk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            write(chunk.toByteArray());
        }
    }

    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** Connections on which the client went away (a write or read failed, or the client closed). */
    private final AtomicInteger droppedByClient = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicLong bytesSent = new AtomicLong();
    private volatile boolean closed;

    RawHttpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-http-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the base URL, {@code http://127.0.0.1:port} */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** @return connections the client dropped while the server still had something to send or read */
    int droppedByClient() {
        return droppedByClient.get();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            int number = connections.getAndIncrement();
            Thread worker = new Thread(() -> run(socket, number), "raw-http-" + number);
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void run(Socket socket, int number) {
        try (socket) {
            behaviour.serve(new Connection(number, socket, this));
        } catch (SocketException e) {
            if (!closed) {
                droppedByClient.incrementAndGet();
            }
        } catch (IOException | InterruptedException e) {
            // the test is over or the client went away
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** The head of a 200 with a JSON body of this length, or chunked when the length is negative. */
    static String okHead(long contentLength, String... extraHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n");
        head.append(contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "Transfer-Encoding: chunked\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** The start of a one-table result with a long and a string column, up to the first row. */
    static final String RESULT_START = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
                                       + "{\"name\":\"Seq\",\"type\":\"long\"},{\"name\":\"Payload\",\"type\":\"string\"}],"
                                       + "\"rows\":[";
}
